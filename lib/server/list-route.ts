import 'server-only';
import { callerOf } from './caller';
import { serverEnv } from '@/lib/config/env';
import { audit, listThrough, upstreamContext, type ListingSpec, type PageQuery } from './listing';
import { readQueryParams } from './query-params';
import { selectSources } from './sources';
import type { CatalogSource } from '@/lib/config/sources';
import { errorResponse, successResponse } from '@/lib/server/http/respond';
import { fromUpstream } from './upstream-error';
import { parseOrThrow } from './validate';

export interface RouteContext {
  params: Promise<unknown> | undefined;
}

/** The GET handler of one list resource, driven by its spec alone; other methods never get this far. */
export function listRoute<Query extends PageQuery, Path extends object, Row>(spec: ListingSpec<Query, Path, Row>) {
  async function GET(request: Request, context: RouteContext): Promise<Response> {
    const started = performance.now();
    const url = new URL(request.url);
    const caller = callerOf(request, spec.id);
    let input: { query: Query; path: Path; sources: readonly CatalogSource[] };
    try {
      const { Accounts, Regions, ...params } = readQueryParams(url);
      // Next resolves `params` to undefined for routes without dynamic segments.
      input = {
        path: parseOrThrow(spec.pathParams, (await context.params) ?? {}, 'path'),
        query: parseOrThrow(spec.query, params, 'query'),
        sources: await selectSources({ Accounts, Regions }),
      };
    } catch (thrown) {
      const error = fromUpstream(thrown, upstreamContext(spec, caller.sentParams));
      audit(spec, caller, Object.fromEntries(url.searchParams), { status: error.status, started, error });
      return errorResponse(error, caller.requestId);
    }
    try {
      const { entry, source } = await listThrough(spec, input, caller);
      return successResponse(entry.body, caller.requestId, serverEnv().PROXY_CACHE_TTL_MS, source);
    } catch (thrown) {
      return errorResponse(fromUpstream(thrown, upstreamContext(spec, caller.sentParams)), caller.requestId);
    }
  }
  return { GET };
}
