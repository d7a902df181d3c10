import 'server-only';
import { ProxyError } from './proxy-error';

/** Every path of the dashboard serves these methods only: it is read-only by construction. */
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

export type ErrorFormat = 'json' | 'text';

/** An error in the proxy's one shape: `{"error": {...}}` for API paths, a line of text for pages. */
export function errorResponse(error: ProxyError, requestId: string, format: ErrorFormat = 'json'): Response {
  const { param, headers } = error.details;
  const common = { ...headers, 'cache-control': 'no-store', 'x-request-id': requestId };
  if (format === 'text') {
    return new Response(`${error.status} ${error.code}: ${error.message}\n`, {
      status: error.status,
      headers: { ...common, 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const body = {
    error: { code: error.code, ...(param === undefined ? {} : { param }), message: error.message, requestId },
  };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { ...common, 'content-type': 'application/json' },
  });
}

export function methodNotAllowed(method: string): ProxyError {
  return new ProxyError(405, 'MethodNotAllowed', `${method} is not supported: the dashboard is read-only; use GET.`, {
    headers: { allow: ALLOWED_METHODS },
  });
}
