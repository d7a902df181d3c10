import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateRefusal, installHttpGate, type GateRules } from './http-gate';

const rules: GateRules = {
  identityHeaders: ['x-auth-proxy-secret', 'x-forwarded-email', 'x-forwarded-user', 'x-forwarded-groups'],
  development: false,
};

let server: Server;
let port: number;
let uninstall: () => void;
let served = 0;

beforeAll(async () => {
  uninstall = installHttpGate(rules);
  server = createServer((_request, response) => {
    served += 1;
    response.end('served');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  uninstall();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: node:http sends any method and repeated headers exactly as given. */
function send(method: string, path: string, headers: [string, string][] = []): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method, path, setHost: true }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on('error', reject);
    const grouped = new Map<string, string[]>();
    for (const [name, value] of headers)
      grouped.set(name.toLowerCase(), [...(grouped.get(name.toLowerCase()) ?? []), value]);
    for (const [name, values] of grouped) outgoing.setHeader(name, values);
    outgoing.end();
  });
}

describe('the HTTP gate in front of Next', () => {
  it.each(['TRACE', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])(
    'answers %s with 405 and Allow on pages, the API and static assets, without reaching the server',
    async (method) => {
      const before = served;
      for (const path of ['/images', '/api/images', '/_next/static/chunks/main.js']) {
        const reply = await send(method, path);
        expect(reply.status).toBe(405);
        expect(reply.headers.allow).toBe('GET, HEAD');
        expect(reply.headers['x-content-type-options']).toBe('nosniff');
        expect(reply.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
        if (path.startsWith('/api/')) {
          expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'MethodNotAllowed' } });
        } else {
          expect(reply.body).toMatch(/^405 MethodNotAllowed: /);
        }
      }
      expect(served).toBe(before);
    },
  );

  it('lets GET and HEAD through', async () => {
    expect((await send('GET', '/images')).body).toBe('served');
    expect((await send('HEAD', '/api/images')).status).toBe(200);
  });

  it('refuses a repeated identity header with 401, however its values would be merged', async () => {
    const reply = await send('GET', '/api/images', [
      ['x-auth-proxy-secret', 'the-shared-secret-0123'],
      ['x-forwarded-email', 'mallory@evil.test'],
      ['X-Forwarded-Email', 'bob@corp.test'],
    ]);
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({
      error: { code: 'Unauthenticated', message: 'The x-forwarded-email header was sent more than once.' },
    });
    expect(
      (
        await send('GET', '/images', [
          ['x-forwarded-groups', 'a'],
          ['x-forwarded-groups', 'b'],
        ])
      ).status,
    ).toBe(401);
    expect((await send('GET', '/images', [['x-forwarded-email', 'bob@corp.test']])).body).toBe('served');
  });
});

describe('gateRefusal', () => {
  const input = (method: string, url: string, rawHeaders: string[] = []) => ({ method, url, rawHeaders });

  it('refuses a repeated Authorization header, which Node would silently cut to its first value', () => {
    const jwt: GateRules = { identityHeaders: ['authorization'], development: false };
    const refusal = gateRefusal(
      input('GET', '/images', ['Authorization', 'Bearer a', 'authorization', 'Bearer b']),
      jwt,
    );
    expect(refusal?.status).toBe(401);
    expect(gateRefusal(input('GET', '/images', ['Authorization', 'Bearer a']), jwt)).toBeUndefined();
  });

  it("lets next dev's own tools POST in development only", () => {
    const path = '/__nextjs_original-stack-frames';
    expect(gateRefusal(input('POST', path), { ...rules, development: true })).toBeUndefined();
    expect(gateRefusal(input('POST', path), rules)?.status).toBe(405);
    expect(gateRefusal(input('POST', '/images'), { ...rules, development: true })?.status).toBe(405);
  });

  it('never throws on a request line Node accepted', () => {
    for (const url of ['*', '//x', 'http://[', '/%zz', '/images?%E0%A4%A']) {
      expect(gateRefusal(input('OPTIONS', url), rules)?.status).toBe(405);
    }
  });
});
