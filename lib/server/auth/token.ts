import 'server-only';
import { errors } from 'jose';
import { AuthError } from './identity';

const COMPACT_JWS = /^[A-Za-z0-9_-]+={0,2}\.[A-Za-z0-9_-]+={0,2}\.[A-Za-z0-9_-]*={0,2}$/;
const MAX_TOKEN_LENGTH = 16_384;

/** The compact token in a header, without a `Bearer ` prefix; refuses anything not shaped like a JWS. */
export function readToken(headers: Headers, name: string): string {
  const raw = headers
    .get(name)
    ?.trim()
    .replace(/^bearer\s+/i, '');
  if (!raw) throw new AuthError('missing', `No identity assertion in the ${name} header.`);
  if (raw.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(raw)) {
    throw new AuthError('invalid', `The ${name} header does not hold a signed token.`);
  }
  return raw;
}

/** Maps a failed verification to a refusal; a key set that cannot be fetched is the server's problem, not the user's. */
export function refusalFor(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWTExpired)
    return new AuthError('expired', 'The identity assertion has expired.', { cause: error });
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new AuthError('unknown-key', 'The identity assertion is signed by an unknown key.', { cause: error });
  }
  const keysUnreachable =
    !(error instanceof errors.JOSEError) ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    error.code === 'ERR_JOSE_GENERIC';
  if (keysUnreachable)
    return new AuthError('unavailable', 'The identity provider keys cannot be fetched.', { cause: error });
  return new AuthError('invalid', `The identity assertion was refused (${error.code}).`, { cause: error });
}
