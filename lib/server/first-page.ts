import 'server-only';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { getCurrentUser } from './auth/current-user';
import { listThrough, type ListingSpec, type PageQuery } from './listing';
import { readListInput } from './list-route';
import { proxyLogger } from '@/lib/observability/logger';
import { ProxyError } from '@/lib/server/http/proxy-error';

/**
 * How long a page waits for its first rows before it leaves them to the browser. The call goes on meanwhile,
 * so the browser's own request for the same page joins it instead of asking upstream again.
 */
export const FIRST_PAGE_WAIT_MS = 2_500;

/**
 * The first page of a listing as its list route answers `apiUrl` (same validation, cache, coalescing and
 * audit), for the page to render with its HTML. Undefined when the answer is an error or is not ready within
 * `waitMs`: the browser then asks the route, and shows what it answers.
 */
export async function firstPageFor<Query extends PageQuery, Path extends object, Row>(
  spec: ListingSpec<Query, Path, Row>,
  path: Record<string, string>,
  apiUrl: string,
  waitMs = FIRST_PAGE_WAIT_MS,
): Promise<unknown> {
  const url = new URL(apiUrl, 'http://localhost');
  const requestId = randomUUID();
  const stopWaiting = new AbortController();
  const late = sleep(waitMs, undefined, { signal: stopWaiting.signal }).catch(() => undefined);
  const answer = (async () => {
    const user = await getCurrentUser();
    const caller = {
      requestId,
      route: `page:${spec.id}`,
      method: 'GET',
      user: user?.id ?? null,
      sentParams: [...url.searchParams.keys()],
    };
    const input = await readListInput(spec, url, path);
    const { entry } = await listThrough(spec, input, caller);
    return JSON.parse(entry.body) as unknown;
  })().catch((thrown: unknown) => {
    // An upstream error is audited already, and a bad parameter is named to the browser by the list route,
    // which the table then asks.
    if (!(thrown instanceof ProxyError)) {
      proxyLogger().error({ requestId, resource: spec.id, err: thrown }, 'first page failed');
    }
    return undefined;
  });
  try {
    return await Promise.race([answer, late]);
  } finally {
    stopWaiting.abort();
  }
}
