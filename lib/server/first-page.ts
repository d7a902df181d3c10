import 'server-only';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { pageCaller } from './caller';
import { listThrough, refusedRequest, type ListingSpec, type PageQuery } from './listing';
import { readListInput, type ListInput } from './list-route';
import { readQueryParams } from './query-params';
import { proxyLogger } from '@/lib/observability/logger';
import { ProxyError } from '@/lib/server/http/proxy-error';

/**
 * How long a page waits for its first rows before it leaves them to the browser. The call goes on meanwhile,
 * so the browser's own request for the same page joins it instead of asking upstream again.
 */
export const FIRST_PAGE_WAIT_MS = 2_500;

/** The list route's error answer, as its JSON body names it, with its HTTP status. */
export interface RefusedPage {
  status: number;
  code: string;
  message: string;
  param?: string;
  requestId: string;
}

/** Errors the browser asks again for itself, with backoff: throttling and the upstream's own failures. */
function mayPass(error: ProxyError): boolean {
  return error.status === 429 || error.status >= 500;
}

/**
 * The first page of a listing as its list route answers `apiUrl` (same validation, cache, coalescing and
 * audit), for the page to render with its HTML: its body, or the error the route would answer, which the page
 * shows as it is (asking again would only repeat it). Undefined when the error may pass, or the answer is not
 * ready within `waitMs`: the browser then asks the route itself.
 */
export async function firstPageFor<Query extends PageQuery, Path extends object, Row>(
  spec: ListingSpec<Query, Path, Row>,
  path: Record<string, string>,
  apiUrl: string,
  waitMs = FIRST_PAGE_WAIT_MS,
): Promise<{ body: unknown } | { refused: RefusedPage } | undefined> {
  const url = new URL(apiUrl, 'http://localhost');
  const requestId = randomUUID();
  const stopWaiting = new AbortController();
  const late = sleep(waitMs, undefined, { signal: stopWaiting.signal }).catch(() => undefined);
  const answer = (async () => {
    const caller = await pageCaller(spec.id, [...url.searchParams.keys()], requestId);
    let input: ListInput<Query, Path>;
    const started = performance.now();
    try {
      input = await readListInput(spec, readQueryParams(url), path);
    } catch (thrown) {
      throw refusedRequest(spec, caller, url, started, thrown);
    }
    const { entry } = await listThrough(spec, input, caller);
    return { body: JSON.parse(entry.body) as unknown };
  })().catch((thrown: unknown) => {
    if (!(thrown instanceof ProxyError)) {
      proxyLogger().error({ requestId, resource: spec.id, err: thrown }, 'first page failed');
      return undefined;
    }
    if (mayPass(thrown)) return undefined;
    const { param } = thrown.details;
    const refused: RefusedPage = {
      status: thrown.status,
      code: thrown.code,
      message: thrown.message,
      ...(param === undefined ? {} : { param }),
      requestId,
    };
    return { refused };
  });
  try {
    return await Promise.race([answer, late]);
  } finally {
    stopWaiting.abort();
  }
}
