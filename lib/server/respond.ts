import 'server-only';
import type { ProxyError } from './proxy-error';

export const ALLOWED_METHODS = 'GET, HEAD';

export function successResponse(body: string, requestId: string, ttlMs: number, cacheSource: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'application/json',
      'cache-control': `private, max-age=${Math.floor(ttlMs / 1000)}`,
      'x-request-id': requestId,
      'x-proxy-cache': cacheSource,
    },
  });
}

export function errorResponse(error: ProxyError, requestId: string): Response {
  const { param, headers } = error.details;
  const body = {
    error: { code: error.code, ...(param === undefined ? {} : { param }), message: error.message, requestId },
  };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: {
      ...headers,
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'x-request-id': requestId,
      ...(error.status === 405 ? { allow: ALLOWED_METHODS } : {}),
    },
  });
}
