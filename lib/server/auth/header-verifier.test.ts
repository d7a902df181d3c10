import { describe, expect, it } from 'vitest';
import { parseAuthSettings } from '@/lib/config/auth-settings';
import { authenticate } from './authenticate';
import { AuthError } from './identity';

const SECRET = 'a-long-shared-secret-value';
const env = (overrides: Record<string, string> = {}) =>
  parseAuthSettings({ NODE_ENV: 'test', AUTH_MODE: 'header', AUTH_HEADER_SECRET: SECRET, ...overrides });

async function reasonFor(headers: Record<string, string>, overrides: Record<string, string> = {}): Promise<string> {
  const error: unknown = await authenticate(new Headers(headers), env(overrides)).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  return error instanceof AuthError ? `${error.status} ${error.reason}` : 'accepted';
}

describe('AUTH_MODE=header', () => {
  it.each([
    ['x-forwarded-email', 'mallory@evil.test, bob@corp.test'],
    ['x-forwarded-email', 'mallory@evil.test,bob@corp.test'],
    ['x-forwarded-email', 'Mallory <mallory@evil.test>'],
    ['x-forwarded-email', 'not-an-address'],
    ['x-forwarded-user', 'mallory, bob'],
  ])('refuses a %s that is not exactly one identity: %j', async (header, value) => {
    const lists = { AUTH_ALLOWED_EMAILS: '@corp.test', AUTH_ALLOWED_GROUPS: 'admins' };
    expect(await reasonFor({ 'x-auth-proxy-secret': SECRET, [header]: value }, lists)).toBe('401 invalid');
  });

  it('trusts X-Forwarded-Email and X-Forwarded-User only with the shared secret', async () => {
    const identity = await authenticate(
      new Headers({
        'x-auth-proxy-secret': SECRET,
        'x-forwarded-email': 'Ada@Example.com',
        'x-forwarded-groups': 'a, b',
      }),
      env(),
    );
    expect(identity).toEqual({ id: 'ada@example.com', email: 'ada@example.com', groups: ['a', 'b'] });
    const byUser = await authenticate(new Headers({ 'x-auth-proxy-secret': SECRET, 'x-forwarded-user': 'ada' }), env());
    expect(byUser?.id).toBe('ada');
  });

  it('refuses forwarded identities without the secret, with a wrong secret, or naming nobody', async () => {
    expect(await reasonFor({ 'x-forwarded-email': 'ada@example.com' })).toBe('401 missing');
    expect(await reasonFor({ 'x-auth-proxy-secret': `${SECRET}x`, 'x-forwarded-email': 'ada@example.com' })).toBe(
      '401 invalid',
    );
    expect(await reasonFor({ 'x-auth-proxy-secret': SECRET })).toBe('401 missing');
  });

  it('uses the configured header names and the allow-lists', async () => {
    const custom = { AUTH_HEADER_SECRET_NAME: 'X-Proxy-Key', AUTH_HEADER_EMAIL: 'X-Auth-Request-Email' };
    expect(await reasonFor({ 'x-proxy-key': SECRET, 'x-auth-request-email': 'ada@example.com' }, custom)).toBe(
      'accepted',
    );
    expect(await reasonFor({ 'x-auth-proxy-secret': SECRET, 'x-forwarded-email': 'ada@example.com' }, custom)).toBe(
      '401 missing',
    );
    const lists = { AUTH_ALLOWED_EMAILS: '@corp.test' };
    expect(await reasonFor({ 'x-auth-proxy-secret': SECRET, 'x-forwarded-email': 'ada@example.com' }, lists)).toBe(
      '403 forbidden',
    );
  });
});
