import { SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseAuthSettings, type JwtAuthEnv } from '@/lib/config/auth-settings';
import { authenticate } from './authenticate';
import { AuthError } from './identity';
import { resetJwksForTests } from './jwt-verifier';
import { json, startKeyServer, type KeyServer } from './test-support/key-server';
import { ManualClock } from './test-support/manual-clock';
import { AUDIENCE, ISSUER, now, signToken, tamper, testKey, unsignedToken, type TestKey } from './test-support/tokens';

let server: KeyServer;
let jwksDown = false;
let rsa: TestKey;
let ec: TestKey;
let stranger: TestKey;

beforeAll(async () => {
  [rsa, ec, stranger] = await Promise.all([
    testKey('RS256', 'rsa-1'),
    testKey('ES256', 'ec-1'),
    testKey('RS256', 'rsa-x'),
  ]);
  server = await startKeyServer((path) => {
    if (path !== '/jwks.json') return undefined;
    return jwksDown ? { status: 503, contentType: 'text/plain', body: 'down' } : json({ keys: [rsa.jwk, ec.jwk] });
  });
});
afterAll(() => server.close());
let clock: ManualClock;

beforeEach(() => {
  clock = new ManualClock();
  resetJwksForTests(clock);
  jwksDown = false;
});

function jwtEnv(overrides: Record<string, string> = {}): JwtAuthEnv {
  const env = parseAuthSettings({
    NODE_ENV: 'test',
    AUTH_MODE: 'jwt',
    AUTH_JWKS_URL: `${server.url}/jwks.json`,
    AUTH_JWT_ISSUER: ISSUER,
    AUTH_JWT_AUDIENCE: AUDIENCE,
    ...overrides,
  });
  if (env.AUTH_MODE !== 'jwt') throw new Error('expected jwt mode');
  return env;
}

async function refusal(headers: HeadersInit, env = jwtEnv()): Promise<AuthError> {
  const error: unknown = await authenticate(new Headers(headers), env).then(
    () => new Error('accepted'),
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AuthError)) throw new Error(`expected an AuthError, got ${String(error)}`);
  return error;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('AUTH_MODE=jwt', () => {
  it('accepts RS256 and ES256 tokens from the key set and names the user by email', async () => {
    const byRsa = await authenticate(new Headers(bearer(await signToken(rsa))), jwtEnv());
    expect(byRsa).toEqual({ id: 'ada@example.com', email: 'ada@example.com', groups: ['ml-readers'] });
    const byEc = await authenticate(new Headers(bearer(await signToken(ec, { email: undefined }))), jwtEnv());
    expect(byEc?.id).toBe('user-123');
  });

  it('takes an email without email_verified when AUTH_JWT_REQUIRE_EMAIL_VERIFIED=false, never an unverified one', async () => {
    const env = jwtEnv({ AUTH_JWT_REQUIRE_EMAIL_VERIFIED: 'false' });
    const identity = await authenticate(new Headers(bearer(await signToken(rsa, { email_verified: undefined }))), env);
    expect(identity?.email).toBe('ada@example.com');
    expect((await refusal(bearer(await signToken(rsa, { email_verified: false })), env)).status).toBe(401);
  });

  it('accepts an issued-at within the clock tolerance, and email_verified as the string "true"', async () => {
    const token = await signToken(rsa, { iat: now() + 20, email_verified: 'true' });
    expect((await authenticate(new Headers(bearer(token)), jwtEnv()))?.id).toBe('ada@example.com');
  });

  it('reads the assertion from the configured header, as Cloudflare Access, Pomerium or IAP send it', async () => {
    const env = jwtEnv({ AUTH_JWT_HEADER: 'Cf-Access-Jwt-Assertion' });
    const identity = await authenticate(new Headers({ 'cf-access-jwt-assertion': await signToken(ec) }), env);
    expect(identity?.email).toBe('ada@example.com');
    expect((await refusal(bearer(await signToken(ec)), env)).reason).toBe('missing');
  });

  it.each([
    ['no header', async () => ({}), 'missing'],
    ['a non-JWT value', async () => bearer('not-a-token'), 'invalid'],
    ['an expired token', async () => bearer(await signToken(rsa, { exp: now() - 120 })), 'expired'],
    ['a not-yet-valid token', async () => bearer(await signToken(rsa, { nbf: now() + 600 })), 'invalid'],
    ['a tampered payload', async () => bearer(tamper(await signToken(rsa), {})), 'invalid'],
    ['alg none', async () => bearer(unsignedToken()), 'invalid'],
    ['a wrong issuer', async () => bearer(await signToken(rsa, { iss: 'https://evil.example.test' })), 'invalid'],
    ['a wrong audience', async () => bearer(await signToken(rsa, { aud: 'another-app' })), 'invalid'],
    ['an unknown key', async () => bearer(await signToken(stranger)), 'unknown-key'],
    [
      'an email the identity provider has not verified',
      async () => bearer(await signToken(rsa, { email_verified: false })),
      'invalid',
    ],
    ['an email_verified of "false"', async () => bearer(await signToken(rsa, { email_verified: 'false' })), 'invalid'],
    [
      'an email without email_verified',
      async () => bearer(await signToken(rsa, { email_verified: undefined })),
      'invalid',
    ],
    ['a token issued in the future', async () => bearer(await signToken(rsa, { iat: now() + 600 })), 'invalid'],
  ] as const)('refuses %s with 401', async (_name, headers, reason) => {
    const error = await refusal(await headers());
    expect(error.status).toBe(401);
    expect(error.reason).toBe(reason);
  });

  it('refuses an HMAC token keyed with the public key (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(rsa.jwk));
    const token = await new SignJWT({ email: 'ada@example.com' })
      .setProtectedHeader({ alg: 'HS256', kid: rsa.kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(secret);
    expect((await refusal(bearer(token))).status).toBe(401);
  });

  it('refuses tokens whose algorithm is not configured', async () => {
    const error = await refusal(bearer(await signToken(ec)), jwtEnv({ AUTH_JWT_ALGORITHMS: 'RS256' }));
    expect(error.status).toBe(401);
  });

  it('keeps verifying tokens of cached keys while the key set endpoint fails for an unknown key id', async () => {
    const env = jwtEnv();
    expect((await authenticate(new Headers(bearer(await signToken(rsa))), env))?.id).toBe('ada@example.com');
    jwksDown = true;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 31_000 });
    try {
      expect((await refusal(bearer(await signToken(stranger)), env)).reason).toBe('unavailable');
      expect((await authenticate(new Headers(bearer(await signToken(ec))), env))?.id).toBe('ada@example.com');
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers 503, not 401, when the key set cannot be fetched, and asks again only after a pause', async () => {
    const env = jwtEnv({ AUTH_JWKS_URL: `${server.url}/missing.json` });
    server.requests.length = 0;
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const error = await refusal(bearer(await signToken(rsa)), env);
      expect(error.reason).toBe('unavailable');
      expect(error.status).toBe(503);
    }
    expect(server.requests).toEqual(['/missing.json']);
    clock.advance(11_000);
    await refusal(bearer(await signToken(rsa)), env);
    expect(server.requests).toEqual(['/missing.json', '/missing.json']);
  });

  it('applies the allow-lists with 403: emails, @domains and groups', async () => {
    const token = bearer(await signToken(rsa));
    const ok = async (lists: Record<string, string>) => (await authenticate(new Headers(token), jwtEnv(lists)))?.id;
    await expect(ok({ AUTH_ALLOWED_EMAILS: 'ada@example.com' })).resolves.toBe('ada@example.com');
    await expect(ok({ AUTH_ALLOWED_EMAILS: '@example.com' })).resolves.toBe('ada@example.com');
    await expect(ok({ AUTH_ALLOWED_EMAILS: 'bob@example.com', AUTH_ALLOWED_GROUPS: 'ml-readers' })).resolves.toBe(
      'ada@example.com',
    );
    const denied = await refusal(token, jwtEnv({ AUTH_ALLOWED_EMAILS: '@corp.test', AUTH_ALLOWED_GROUPS: 'admins' }));
    expect(denied.status).toBe(403);
  });

  it('reads groups from the configured claim', async () => {
    const token = bearer(await signToken(rsa, { groups: [], roles: ['admins'] }));
    const identity = await authenticate(
      new Headers(token),
      jwtEnv({ AUTH_GROUPS_CLAIM: 'roles', AUTH_ALLOWED_GROUPS: 'admins' }),
    );
    expect(identity?.groups).toEqual(['admins']);
  });
});
