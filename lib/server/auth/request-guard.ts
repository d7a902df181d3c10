import 'server-only';
import { randomUUID } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { proxyLogger } from '@/lib/observability/logger';
import { recordAuthRefusal } from '@/lib/observability/metrics';
import { serverEnv } from '@/lib/config/env';
import { ProxyError } from '@/lib/server/http/proxy-error';
import { errorResponse } from '@/lib/server/http/respond';
import { createNonce, securityHeaders, servedOverTls } from '@/lib/server/http/security-headers';
import { authenticate } from './authenticate';
import { sameSecret } from './header-verifier';
import { AuthError, type Identity } from './identity';
import { literalPath } from './literal-path';
import { AUTHENTICATED_HEADER, encodeUser, guardMark, USER_HEADER } from './user-header';

/** Probes, load balancer health checks and the browser's and crawlers' own requests carry no identity. */
const OPEN_PATHS = new Set(['/api/health', '/api/ready', '/favicon.ico', '/robots.txt']);
const REFUSAL_CODES = { 401: 'Unauthenticated', 403: 'Forbidden', 503: 'AuthUnavailable' } as const;

function refusal(error: AuthError, api: boolean, requestId: string): Response {
  const message = error.status === 503 ? 'Sign-in cannot be verified right now; retry shortly.' : error.message;
  return errorResponse(
    new ProxyError(error.status, REFUSAL_CODES[error.status], message),
    requestId,
    api ? 'json' : 'text',
  );
}

function metricsScraper(request: NextRequest): boolean {
  const token = serverEnv().METRICS_TOKEN;
  const given = request.headers.get('authorization')?.replace(/^bearer\s+/i, '');
  return (
    request.nextUrl.pathname === '/api/metrics' &&
    token !== undefined &&
    given !== undefined &&
    sameSecret(given, token)
  );
}

type Verdict =
  { kind: 'open' } | { kind: 'authenticated'; identity: Identity | null } | { kind: 'refused'; response: Response };

async function verdict(request: NextRequest, requestId: string): Promise<Verdict> {
  if (OPEN_PATHS.has(request.nextUrl.pathname) || metricsScraper(request)) return { kind: 'open' };
  try {
    return { kind: 'authenticated', identity: await authenticate(request.headers, serverEnv().auth) };
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
    return { kind: 'refused', response: refusal(error, request.nextUrl.pathname.startsWith('/api/'), requestId) };
  }
}

function forwardedHeaders(request: NextRequest, outcome: Verdict, csp: string): Headers {
  const headers = new Headers(request.headers);
  headers.delete(USER_HEADER);
  headers.delete(AUTHENTICATED_HEADER);
  const env = serverEnv().auth;
  if (env.AUTH_MODE === 'header') headers.delete(env.AUTH_HEADER_SECRET_NAME);
  if (outcome.kind === 'authenticated') {
    headers.set(AUTHENTICATED_HEADER, guardMark());
    if (outcome.identity !== null) headers.set(USER_HEADER, encodeUser(outcome.identity));
  }
  headers.set('content-security-policy', csp);
  return headers;
}

/**
 * Refuses unverified requests, passes the verified user on as request headers, and sets the security headers.
 * A path segment that is not valid percent-encoding is passed on as the literal text typed, so the page or
 * route answers it as a name it does not know instead of Next failing on it.
 */
export async function guardRequest(request: NextRequest): Promise<Response> {
  const requestId = randomUUID();
  const policy = securityHeaders({
    nonce: createNonce(),
    development: serverEnv().NODE_ENV === 'development',
    tls: servedOverTls(request.nextUrl, request.headers.get('x-forwarded-proto')),
  });
  const csp = policy['content-security-policy'] ?? '';
  const outcome = await verdict(request, requestId);
  let response: Response;
  if (outcome.kind === 'refused') {
    response = outcome.response;
  } else {
    const forwarded = { request: { headers: forwardedHeaders(request, outcome, csp) } };
    const literal = literalPath(request.nextUrl.pathname);
    if (literal === undefined) {
      response = NextResponse.next(forwarded);
    } else {
      const target = request.nextUrl.clone();
      target.pathname = literal;
      response = NextResponse.rewrite(target, forwarded);
    }
  }
  for (const [name, value] of Object.entries(policy)) response.headers.set(name, value);
  return response;
}
