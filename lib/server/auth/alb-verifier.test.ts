import { exportSPKI } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetAlbKeysForTests } from './alb-keys';
import { ALB_DATA_HEADER } from './alb-verifier';
import { parseAuthSettings, type AlbAuthEnv } from '@/lib/config/auth-settings';
import { authenticate } from './authenticate';
import { AuthError } from './identity';
import { ManualClock } from './test-support/manual-clock';
import { startKeyServer, type KeyServer } from './test-support/key-server';
import { now, testKey, type TestKey } from './test-support/tokens';

const ARN = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/dashboard/50dc6c495c0c9188';
const OTHER_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/other/50dc6c495c0c9188';
const KID = '1a2b3c4d-0000-4000-8000-0123456789ab';

let server: KeyServer;
let key: TestKey;
let stranger: TestKey;
let failing = false;

beforeAll(async () => {
  [key, stranger] = await Promise.all([
    testKey('ES256', KID),
    testKey('ES256', 'ffffffff-0000-4000-8000-000000000000'),
  ]);
  const pem = await exportSPKI(key.publicKey);
  server = await startKeyServer((path) => {
    if (failing) return { status: 500, contentType: 'text/plain', body: 'unavailable' };
    return path === `/${KID}` ? { status: 200, contentType: 'application/x-pem-file', body: pem } : undefined;
  });
});
afterAll(() => server.close());
let clock: ManualClock;

beforeEach(() => {
  clock = new ManualClock();
  resetAlbKeysForTests(clock);
  failing = false;
  server.requests.length = 0;
});

function albEnv(overrides: Record<string, string> = {}): AlbAuthEnv {
  const env = parseAuthSettings({
    NODE_ENV: 'test',
    AUTH_MODE: 'alb',
    AUTH_ALB_ARN: ARN,
    AUTH_ALB_KEY_URL: `${server.url}/`,
    ...overrides,
  });
  if (env.AUTH_MODE !== 'alb') throw new Error('expected alb mode');
  return env;
}

/** Standard base64 with "=" padding kept, then made URL-safe, as the ALB encodes its segments. */
function paddedSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

interface AlbTokenOptions {
  signer?: string;
  alg?: string;
  signWith?: TestKey;
  kid?: string;
  claims?: Record<string, unknown>;
}

async function albToken({
  signer = ARN,
  alg = 'ES256',
  signWith = key,
  kid = KID,
  claims = {},
}: AlbTokenOptions = {}): Promise<string> {
  const header = paddedSegment({
    typ: 'JWT',
    kid,
    alg,
    iss: 'https://idp.example.test',
    client: 'client-1',
    signer,
    exp: now() + 120,
  });
  const payload = paddedSegment({
    sub: 'user-123',
    email: 'ada@example.com',
    exp: now() + 120,
    iss: 'https://idp.example.test',
    ...claims,
  });
  const input = `${header}.${payload}`;
  const signature = await crypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    signWith.privateKey,
    new TextEncoder().encode(input),
  );
  return `${input}.${Buffer.from(signature).toString('base64').replace(/\+/g, '-').replace(/\//g, '_')}`;
}

async function refusal(token: string | undefined, env = albEnv()): Promise<AuthError> {
  const headers = new Headers(token === undefined ? {} : { [ALB_DATA_HEADER]: token });
  const error: unknown = await authenticate(headers, env).then(
    () => new Error('accepted'),
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AuthError)) throw new Error(`expected an AuthError, got ${String(error)}`);
  return error;
}

describe('AUTH_MODE=alb', () => {
  it('accepts an ALB assertion with padded segments and caches the key by kid', async () => {
    const token = await albToken();
    expect(token).toMatch(/=\./);
    const identity = await authenticate(new Headers({ [ALB_DATA_HEADER]: token }), albEnv());
    expect(identity?.id).toBe('ada@example.com');
    await authenticate(new Headers({ [ALB_DATA_HEADER]: await albToken() }), albEnv());
    expect(server.requests).toEqual([`/${KID}`]);
  });

  it('checks the issuer when AUTH_JWT_ISSUER is set', async () => {
    const error = await refusal(await albToken(), albEnv({ AUTH_JWT_ISSUER: 'https://other-idp.example.test' }));
    expect(error.status).toBe(401);
  });

  const refusals: [string, () => Promise<string | undefined>, string][] = [
    ['no header', async () => undefined, 'missing'],
    ['another load balancer as signer', async () => albToken({ signer: OTHER_ARN }), 'invalid'],
    ['a non-ES256 algorithm', async () => albToken({ alg: 'RS256' }), 'invalid'],
    [
      'a key id the endpoint does not know',
      async () => albToken({ signWith: stranger, kid: stranger.kid }),
      'unknown-key',
    ],
    ['a signature by another key under the known kid', async () => albToken({ signWith: stranger }), 'invalid'],
    ['an expired assertion', async () => albToken({ claims: { exp: now() - 120 } }), 'expired'],
    ['a not-yet-valid assertion', async () => albToken({ claims: { nbf: now() + 600 } }), 'invalid'],
    ['a path-like key id', async () => albToken({ kid: '../../evil' }), 'invalid'],
    [
      'an email the identity provider has not verified',
      async () => albToken({ claims: { email_verified: 'false' } }),
      'invalid',
    ],
    ['an assertion issued in the future', async () => albToken({ claims: { iat: now() + 600 } }), 'invalid'],
    [
      'a tampered payload',
      async () => {
        const [header, , signature] = (await albToken()).split('.');
        return `${header}.${paddedSegment({ sub: 'x', email: 'mallory@example.com', exp: now() + 60 })}.${signature}`;
      },
      'invalid',
    ],
  ];
  it.each(refusals)('refuses %s with 401', async (_name, token, reason) => {
    const error = await refusal(await token());
    expect(error.status).toBe(401);
    expect(error.reason).toBe(reason);
  });

  it('does not fetch keys for assertions from another load balancer', async () => {
    await refusal(await albToken({ signer: OTHER_ARN }));
    expect(server.requests).toEqual([]);
  });

  it('answers 503 while the key endpoint fails, asks it again only after a pause, then recovers', async () => {
    failing = true;
    for (let attempt = 0; attempt < 10; attempt += 1) expect((await refusal(await albToken())).status).toBe(503);
    expect(server.requests).toEqual([`/${KID}`]);
    failing = false;
    expect((await refusal(await albToken())).status).toBe(503);
    clock.advance(11_000);
    await expect(authenticate(new Headers({ [ALB_DATA_HEADER]: await albToken() }), albEnv())).resolves.not.toBeNull();
    expect(server.requests).toEqual([`/${KID}`, `/${KID}`]);
  });

  it('asks for an unknown key id once, and for at most a few new key ids a minute', async () => {
    const signedIn = async () => authenticate(new Headers({ [ALB_DATA_HEADER]: await albToken() }), albEnv());
    expect((await signedIn())?.id).toBe('ada@example.com');
    const forged = async (kid: string) => refusal(await albToken({ signWith: stranger, kid }));
    expect((await forged(stranger.kid)).reason).toBe('unknown-key');
    expect((await forged(stranger.kid)).reason).toBe('unknown-key');
    expect(server.requests).toEqual([`/${KID}`, `/${stranger.kid}`]);
    const refusals = [];
    for (let index = 0; index < 100; index += 1) {
      refusals.push(await forged(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`));
    }
    expect(server.requests.length).toBeLessThanOrEqual(10);
    expect(refusals.filter((error) => error.status === 503).length).toBeGreaterThan(80);
    expect(refusals.every((error) => error.status === 401 || error.status === 503)).toBe(true);
    expect((await signedIn())?.id).toBe('ada@example.com');
    clock.advance(61_000);
    server.requests.length = 0;
    expect((await forged('11111111-0000-4000-8000-000000000000')).reason).toBe('unknown-key');
    expect(server.requests).toEqual(['/11111111-0000-4000-8000-000000000000']);
  });

  it('defaults the key URL to the region of the ARN', async () => {
    const { albKeyBaseUrl } = await import('./alb-keys');
    const { albRegion } = await import('@/lib/config/auth-settings');
    expect(albKeyBaseUrl(albRegion(ARN), undefined)).toBe('https://public-keys.auth.elb.eu-west-1.amazonaws.com');
  });
});
