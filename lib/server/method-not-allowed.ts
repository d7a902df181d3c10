import 'server-only';
import { randomUUID } from 'node:crypto';
import { ProxyError } from './proxy-error';
import { errorResponse } from './respond';

/** The 405 answer of every GET-only route, in the proxy's error shape. */
export function methodNotAllowed(request: Request): Response {
  return errorResponse(
    new ProxyError(405, 'MethodNotAllowed', `${request.method} is not supported; use GET.`),
    randomUUID(),
  );
}

export const GET_ONLY = {
  POST: methodNotAllowed,
  PUT: methodNotAllowed,
  PATCH: methodNotAllowed,
  DELETE: methodNotAllowed,
  OPTIONS: methodNotAllowed,
};
