import 'server-only';
import { randomUUID } from 'node:crypto';
import { ProxyError } from './http/proxy-error';
import { errorResponse } from './http/respond';

/** Every /api path no route serves answers the API's JSON 404, never the HTML not-found page. */
export function unknownApiRoute() {
  function GET(request: Request): Response {
    const { pathname } = new URL(request.url);
    const shown = pathname.length > 200 ? `${pathname.slice(0, 200)}…` : pathname;
    const error = new ProxyError(404, 'NotFound', `There is no API at ${shown}. See README, "The proxy API".`);
    return errorResponse(error, randomUUID());
  }
  return { GET };
}
