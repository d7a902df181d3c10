import 'server-only';
import { randomUUID } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { proxyLogger } from '../logger';
import { recordAuthRefusal } from '../metrics';
import { opsEnv } from '../ops-env';
import { createNonce, securityHeaders, servedOverTls } from '../security-headers';
import { authEnv } from './auth-env';
import { authenticate } from './authenticate';
import { sameSecret } from './header-verifier';
import { AuthError, type Identity } from './identity';
import { encodeUser, USER_HEADER } from './user-header';

/** Probes and load balancer health checks carry no identity. */
const OPEN_PATHS = new Set(['/api/health', '/api/ready']);
const READ_METHODS = new Set(['GET', 'HEAD']);

function refusal(error: AuthError, api: boolean, requestId: string): Response {
  const code = { 401: 'Unauthenticated', 403: 'Forbidden', 503: 'AuthUnavailable' }[error.status];
  const message = error.status === 503 ? 'Sign-in cannot be verified right now; retry shortly.' : error.message;
  const headers = { 'cache-control': 'no-store', 'x-request-id': requestId };
  if (api) return Response.json({ error: { code, message, requestId } }, { status: error.status, headers });
  return new Response(`${error.status} ${code}: ${message}\n`, {
    status: error.status,
    headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' },
  });
}

function methodNotAllowed(method: string, requestId: string): Response {
  const error = { code: 'MethodNotAllowed', message: `${method} is not supported; use GET.`, requestId };
  return Response.json(
    { error },
    { status: 405, headers: { allow: 'GET, HEAD', 'cache-control': 'no-store', 'x-request-id': requestId } },
  );
}

function metricsScraper(request: NextRequest): boolean {
  const token = opsEnv().METRICS_TOKEN;
  const given = request.headers.get('authorization')?.replace(/^bearer\s+/i, '');
  return (
    request.nextUrl.pathname === '/api/metrics' &&
    token !== undefined &&
    given !== undefined &&
    sameSecret(given, token)
  );
}

async function identify(request: NextRequest, requestId: string): Promise<Identity | null | Response> {
  if (OPEN_PATHS.has(request.nextUrl.pathname) || metricsScraper(request)) return null;
  try {
    return await authenticate(request.headers, authEnv());
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    recordAuthRefusal(error.reason);
    const log = {
      requestId,
      path: request.nextUrl.pathname,
      status: error.status,
      reason: error.reason,
      err: error.cause,
    };
    if (error.status === 503) proxyLogger().error(log, error.message);
    else proxyLogger().warn(log, error.message);
    return refusal(error, request.nextUrl.pathname.startsWith('/api/'), requestId);
  }
}

function forwardedHeaders(request: NextRequest, identity: Identity | null, csp: string): Headers {
  const headers = new Headers(request.headers);
  headers.delete(USER_HEADER);
  const env = authEnv();
  if (env.AUTH_MODE === 'header') headers.delete(env.AUTH_HEADER_SECRET_NAME);
  if (identity !== null) headers.set(USER_HEADER, encodeUser(identity));
  headers.set('content-security-policy', csp);
  return headers;
}

/** Refuses unverified requests, passes the verified user on as a request header, and sets the security headers. */
export async function guardRequest(request: NextRequest): Promise<Response> {
  const requestId = randomUUID();
  const policy = securityHeaders({
    nonce: createNonce(),
    development: opsEnv().NODE_ENV === 'development',
    tls: servedOverTls(request.nextUrl, request.headers.get('x-forwarded-proto')),
  });
  const csp = policy['content-security-policy'] ?? '';
  const api = request.nextUrl.pathname.startsWith('/api/');
  const outcome =
    api && !READ_METHODS.has(request.method)
      ? methodNotAllowed(request.method, requestId)
      : await identify(request, requestId);
  const response =
    outcome instanceof Response
      ? outcome
      : NextResponse.next({ request: { headers: forwardedHeaders(request, outcome, csp) } });
  for (const [name, value] of Object.entries(policy)) response.headers.set(name, value);
  return response;
}
