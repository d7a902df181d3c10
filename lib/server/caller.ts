import 'server-only';
import { randomUUID } from 'node:crypto';
import { getCurrentUser } from './auth/current-user';
import { userFromHeaders } from './auth/user-header';
import type { Caller } from './listing';

const NO_CACHE = /(?:^|,)\s*(?:no-cache|max-age\s*=\s*0+)\s*(?:,|$)/i;

/**
 * Who asks, for the audit line and the upstream call. A request with `Cache-Control: no-cache` (a user's
 * Refresh) is answered from upstream, not the short-TTL cache; it still joins an identical call in flight.
 */
export function callerOf(request: Request, route: string): Caller {
  const url = new URL(request.url);
  return {
    requestId: randomUUID(),
    route,
    method: request.method,
    user: userFromHeaders(request.headers)?.id ?? null,
    signal: request.signal,
    sentParams: [...url.searchParams.keys()],
    fresh: NO_CACHE.test(request.headers.get('cache-control') ?? ''),
  };
}

/** Who asks when a page loads rows as it renders: the signed-in user, on the page of `resource`. */
export async function pageCaller(
  resource: string,
  sentParams: readonly string[],
  requestId: string = randomUUID(),
): Promise<Caller> {
  const user = await getCurrentUser();
  return { requestId, route: `page:${resource}`, method: 'GET', user: user?.id ?? null, sentParams };
}
