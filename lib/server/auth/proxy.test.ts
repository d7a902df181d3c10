import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { proxy } from '@/proxy';
import { resetLoggerForTests } from '@/lib/observability/logger';
import { resetEnvForTests } from '@/lib/config/env';
import { resetJwksForTests } from './jwt-verifier';
import { json, startKeyServer, type KeyServer } from './test-support/key-server';
import { AUDIENCE, ISSUER, signToken, testKey, type TestKey } from './test-support/tokens';
import { AUTHENTICATED_HEADER, guardMark, requestAuthenticated, USER_HEADER, userFromHeaders } from './user-header';

let server: KeyServer;
let key: TestKey;

beforeAll(async () => {
  key = await testKey('RS256', 'rsa-1');
  server = await startKeyServer((path) => (path === '/jwks.json' ? json({ keys: [key.jwk] }) : undefined));
});
afterAll(() => server.close());
afterEach(() => vi.unstubAllEnvs());

function useEnv(env: Record<string, string>): void {
  for (const [name, value] of Object.entries({ NODE_ENV: 'production', PROXY_LOG_LEVEL: 'silent', ...env }))
    vi.stubEnv(name, value);
  resetEnvForTests();
  resetEnvForTests();
  resetJwksForTests();
  resetLoggerForTests();
}

function useJwt(extra: Record<string, string> = {}): void {
  useEnv({
    AUTH_MODE: 'jwt',
    AUTH_JWKS_URL: `${server.url}/jwks.json`,
    AUTH_JWT_ISSUER: ISSUER,
    AUTH_JWT_AUDIENCE: AUDIENCE,
    ...extra,
  });
}

function call(path: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  return proxy(new NextRequest(`http://dashboard.test${path}`, init));
}

/** The request headers NextResponse.next() hands on to the page or route. */
function forwarded(response: Response): Headers {
  const names = response.headers.get('x-middleware-override-headers')?.split(',') ?? [];
  const headers = new Headers();
  for (const name of names) headers.set(name, response.headers.get(`x-middleware-request-${name}`) ?? '');
  return headers;
}

const passed = (response: Response) => response.headers.get('x-middleware-next') === '1';

describe('proxy.ts', () => {
  it('refuses pages with a plain 401 and the API with a JSON 401 when no assertion is sent', async () => {
    useJwt();
    const page = await call('/images');
    expect(page.status).toBe(401);
    expect(await page.text()).toMatch(/^401 Unauthenticated/);
    const api = await call('/api/images?MaxResults=5');
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ error: { code: 'Unauthenticated' } });
  });

  it('refuses an expired assertion and a wrong audience on the RSC and API paths alike', async () => {
    useJwt();
    const expired = await signToken(key, { exp: Math.floor(Date.now() / 1000) - 120 });
    const foreign = await signToken(key, { aud: 'another-app' });
    for (const token of [expired, foreign]) {
      for (const path of ['/images?_rsc=1', '/api/model-packages']) {
        expect((await call(path, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
      }
    }
  });

  it('answers 403 for a verified user outside the allow-lists', async () => {
    useJwt({ AUTH_ALLOWED_GROUPS: 'admins' });
    const response = await call('/api/images', { headers: { authorization: `Bearer ${await signToken(key)}` } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'Forbidden' } });
  });

  it('passes a verified user on in x-dashboard-user, replacing any copy the client sent', async () => {
    useJwt();
    const headers = { authorization: `Bearer ${await signToken(key)}`, [USER_HEADER]: 'forged' };
    const response = await call('/images', { headers });
    expect(passed(response)).toBe(true);
    expect(userFromHeaders(forwarded(response))).toEqual({ id: 'ada@example.com', email: 'ada@example.com' });
  });

  it('leaves /api/health and /api/ready open', async () => {
    useJwt();
    expect(passed(await call('/api/health'))).toBe(true);
    expect(passed(await call('/api/ready'))).toBe(true);
    expect((await call('/api/metrics')).status).toBe(401);
  });

  it('lets Prometheus scrape /api/metrics with METRICS_TOKEN, and nothing else', async () => {
    useJwt({ METRICS_TOKEN: 'scrape-token-0123456789' });
    const authorization = 'Bearer scrape-token-0123456789';
    expect(passed(await call('/api/metrics', { headers: { authorization } }))).toBe(true);
    expect((await call('/api/images', { headers: { authorization } })).status).toBe(401);
    expect((await call('/api/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(
      401,
    );
  });

  it('with AUTH_MODE=none, passes requests on without a user and strips a forged one', async () => {
    useEnv({ AUTH_MODE: 'none' });
    const response = await call('/images', { headers: { [USER_HEADER]: 'forged' } });
    expect(passed(response)).toBe(true);
    expect(forwarded(response).has(USER_HEADER)).toBe(false);
  });

  it('drops the shared secret before the request reaches the app in header mode', async () => {
    useEnv({ AUTH_MODE: 'header', AUTH_HEADER_SECRET: 'a-long-shared-secret-value' });
    const response = await call('/images', {
      headers: { 'x-auth-proxy-secret': 'a-long-shared-secret-value', 'x-forwarded-user': 'ada' },
    });
    expect(passed(response)).toBe(true);
    expect(forwarded(response).has('x-auth-proxy-secret')).toBe(false);
    expect(userFromHeaders(forwarded(response))?.id).toBe('ada');
  });

  it('marks authenticated requests, strips a forged mark, and leaves open paths unmarked', async () => {
    useJwt();
    const token = { authorization: `Bearer ${await signToken(key)}` };
    const signedIn = await call('/images', { headers: { ...token, [AUTHENTICATED_HEADER]: '0' } });
    expect(requestAuthenticated(forwarded(signedIn))).toBe(true);
    for (const path of ['/favicon.ico', '/robots.txt', '/api/health']) {
      const open = await call(path, { headers: { [AUTHENTICATED_HEADER]: '1' } });
      expect(passed(open)).toBe(true);
      expect(forwarded(open).has(AUTHENTICATED_HEADER)).toBe(false);
    }
    useEnv({ AUTH_MODE: 'none' });
    expect(requestAuthenticated(forwarded(await call('/images')))).toBe(true);
  });

  it('cannot be fooled by a mark the client sends itself, on a path proxy.ts never saw', () => {
    for (const forged of ['1', 'true', '', guardMark().toUpperCase(), guardMark().slice(1)]) {
      expect(requestAuthenticated(new Headers({ [AUTHENTICATED_HEADER]: forged }))).toBe(false);
    }
    expect(requestAuthenticated(new Headers())).toBe(false);
  });

  it('passes a segment that is not valid percent-encoding on as its literal text', async () => {
    useEnv({ AUTH_MODE: 'none' });
    const cases: [string, string][] = [
      ['/images/%zz', '/images/%25zz'],
      ['/api/images/%/versions', '/api/images/%25/versions'],
      ['/images/%E0%A4%A', '/images/%25E0%25A4%25A'],
      ['/images/%ED%A0%80', '/images/%25ED%25A0%2580'],
    ];
    for (const [sent, literal] of cases) {
      const response = await call(sent);
      expect(new URL(response.headers.get('x-middleware-rewrite') ?? '').pathname).toBe(literal);
      expect(requestAuthenticated(forwarded(response))).toBe(true);
    }
    const valid = await call('/images/a%25b');
    expect(valid.headers.get('x-middleware-rewrite')).toBeNull();
    expect(passed(valid)).toBe(true);
  });

  it('refuses before rewriting: a malformed path without a token gets 401', async () => {
    useJwt();
    expect((await call('/images/%zz')).status).toBe(401);
  });

  it('sets the same nonce CSP on the request and the response, fresh per request', async () => {
    useEnv({ AUTH_MODE: 'none' });
    const first = await call('/images');
    const csp = first.headers.get('content-security-policy') ?? '';
    expect(forwarded(first).get('content-security-policy')).toBe(csp);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    const second = await call('/images');
    expect(second.headers.get('content-security-policy')).not.toBe(csp);
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('strict-transport-security')).toBeNull();
  });

  it('adds HSTS and upgrade-insecure-requests only when served over TLS', async () => {
    useEnv({ AUTH_MODE: 'none' });
    const behindTls = await call('/images', { headers: { 'x-forwarded-proto': 'https' } });
    expect(behindTls.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect(behindTls.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  it('puts security headers on refusals too', async () => {
    useJwt();
    const response = await call('/images');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});
