import 'server-only';
import { callerOf } from './caller';
import { serverEnv } from '@/lib/config/env';
import { listThrough, refusedRequest, upstreamContext, type ListingSpec, type PageQuery } from './listing';
import { readQueryParams } from './query-params';
import { selectSources } from './sources';
import type { CatalogSource } from '@/lib/config/sources';
import { errorResponse, successResponse } from '@/lib/server/http/respond';
import { fromUpstream } from './upstream-error';
import { parseOrThrow } from './validate';

export interface RouteContext {
  params: Promise<unknown> | undefined;
}

export interface ListInput<Query, Path> {
  query: Query;
  path: Path;
  sources: readonly CatalogSource[];
}

/**
 * A list request's parameters, validated: the query string as `readQueryParams` reads it, the route's segments
 * and the sources they select.
 */
export async function readListInput<Query extends PageQuery, Path extends object, Row>(
  spec: ListingSpec<Query, Path, Row>,
  query: Readonly<Record<string, string | undefined>>,
  path: unknown,
): Promise<ListInput<Query, Path>> {
  const { Accounts, Regions, ...params } = query;
  return {
    path: parseOrThrow(spec.pathParams, path, 'path'),
    query: parseOrThrow(spec.query, params, 'query'),
    sources: await selectSources({ Accounts, Regions }),
  };
}

/** The GET handler of one list resource, driven by its spec alone; other methods never get this far. */
export function listRoute<Query extends PageQuery, Path extends object, Row>(spec: ListingSpec<Query, Path, Row>) {
  async function GET(request: Request, context: RouteContext): Promise<Response> {
    const started = performance.now();
    const url = new URL(request.url);
    const caller = callerOf(request, spec.id);
    let input: ListInput<Query, Path>;
    try {
      // Next resolves `params` to undefined for routes without dynamic segments.
      input = await readListInput(spec, readQueryParams(url), (await context.params) ?? {});
    } catch (thrown) {
      return errorResponse(refusedRequest(spec, caller, url, started, thrown), caller.requestId);
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
