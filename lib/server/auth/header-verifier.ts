import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { HeaderAuthEnv } from '@/lib/config/auth-settings';
import { AuthError, type Identity } from './identity';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time equality that does not reveal the secret's length. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** One address, as a proxy sets it; two headers merged into one line (", ") never pass. */
const ONE_ADDRESS = /^[^\s@,;<>]+@[^\s@,;<>]+$/;
const ONE_NAME = /^[^\s,;<>]{1,320}$/;

/** Trusts forwarded identity headers only from the proxy that knows the shared secret. */
export function verifyForwardedHeaders(headers: Headers, env: HeaderAuthEnv): Identity {
  const secret = headers.get(env.AUTH_HEADER_SECRET_NAME);
  if (secret === null)
    throw new AuthError(
      'missing',
      `No ${env.AUTH_HEADER_SECRET_NAME} header: the request did not come through the auth proxy.`,
    );
  if (!sameSecret(secret, env.AUTH_HEADER_SECRET))
    throw new AuthError('invalid', `The ${env.AUTH_HEADER_SECRET_NAME} header is wrong.`);
  const email = headers.get(env.AUTH_HEADER_EMAIL)?.trim().toLowerCase() || undefined;
  if (email !== undefined && !ONE_ADDRESS.test(email))
    throw new AuthError('invalid', `The ${env.AUTH_HEADER_EMAIL} header does not hold exactly one email address.`);
  const user = headers.get(env.AUTH_HEADER_USER)?.trim() || undefined;
  if (user !== undefined && !ONE_NAME.test(user))
    throw new AuthError('invalid', `The ${env.AUTH_HEADER_USER} header does not hold exactly one user name.`);
  const id = email ?? user;
  if (id === undefined)
    throw new AuthError('missing', `Neither ${env.AUTH_HEADER_EMAIL} nor ${env.AUTH_HEADER_USER} names a user.`);
  const groups = (headers.get(env.AUTH_HEADER_GROUPS) ?? '')
    .split(',')
    .map((group) => group.trim())
    .filter(Boolean);
  return { id, email, groups };
}
