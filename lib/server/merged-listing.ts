import 'server-only';
import { serverEnv } from '@/lib/config/env';
import type { CatalogSource } from '@/lib/config/sources';
import { withRequestContext } from '@/lib/observability/request-context';
import type { ListPage, SourceStatus } from '@/lib/resources/page';
import { sageMakerBackend } from '@/lib/sagemaker/client';
import { API_DEFAULT_PAGE_SIZE } from '@/lib/sagemaker/list-operation';
import { ProxyError } from '@/lib/server/http/proxy-error';
import { cacheKey } from './cache-key';
import type { Caller, ListingSpec, PageQuery } from './listing';
import { decodeCursor, encodeCursor, listingId, newSnapshot } from './merge/cursor';
import { mergePage, SourceTimeoutError, type SourceResult } from './merge/merge-page';
import { listingOrder } from './merge/order';
import { sourcePage } from './merge/source-pages';
import { listedIn } from './sources';
import type { CacheResult } from './page-cache';
import { fromUpstream, type UpstreamContext } from './upstream-error';

type Row = Record<string, unknown>;

/** A source's own failure, in the proxy's error contract. */
function sourceError(error: unknown, context: UpstreamContext): ProxyError {
  if (error instanceof SourceTimeoutError) {
    return new ProxyError(504, 'UpstreamTimeout', error.message, { cause: error });
  }
  return fromUpstream(error, context);
}

function statusOf(
  source: CatalogSource,
  accountId: string | undefined,
  result: SourceResult,
  context: UpstreamContext,
): SourceStatus {
  const where = {
    account: source.account.name,
    ...(accountId === undefined ? {} : { accountId }),
    region: source.region ?? '',
  };
  if (result.state === 'ok') return { ...where, status: 'ok' };
  if (result.state === 'skipped') {
    return {
      ...where,
      status: result.code === 'Throttled' ? 'throttled' : 'error',
      error: {
        code: result.code,
        message: `Left out since an earlier page of this listing failed (${result.code}); reload the listing to ask it again.`,
      },
    };
  }
  const error = sourceError(result.error, context);
  return {
    ...where,
    status: error.code === 'Throttled' ? 'throttled' : 'error',
    error: { code: error.code, message: error.message },
  };
}

/**
 * One page of a listing over several sources, merged in the API's order: every source is asked concurrently
 * (each in its own lanes), a source that fails or takes longer than CATALOG_SOURCE_WAIT_MS is left out and
 * reported in `sources`, and `nextToken` continues every source exactly where the page left it.
 */
export async function mergedListThrough<Query extends PageQuery, Path extends object, R>(
  spec: ListingSpec<Query, Path, R>,
  { query, path, sources }: { query: Query; path: Path; sources: readonly CatalogSource[] },
  caller: Caller,
  context: UpstreamContext,
): Promise<CacheResult> {
  const env = serverEnv();
  const { NextToken, MaxResults, ...filters }: Record<string, unknown> & PageQuery = { ...query };
  const pathParams: Record<string, unknown> = Object.fromEntries(Object.entries(path));
  const keys = sources.map((source) => source.key);
  const listing = listingId([spec.id, cacheKey('', '', filters), cacheKey('', '', pathParams), [...keys].sort()]);
  const cursor = NextToken === undefined ? undefined : await decodeCursor(NextToken, listing, keys);
  const size = MaxResults ?? API_DEFAULT_PAGE_SIZE;
  const pageSize = cursor?.pageSize ?? size;
  const snapshot = cursor?.snapshot ?? newSnapshot();
  const backends = sources.map((source) => sageMakerBackend(source));
  let upstreamCalls = 0;
  const upstreamRequestIds: string[] = [];

  const merged = await withRequestContext({ requestId: caller.requestId, user: caller.user, route: caller.route }, () =>
    mergePage<Row>({
      sources: backends.map((backend) => ({
        key: backend.source.key,
        fetch: async (token) => {
          const page = await sourcePage(spec as ListingSpec<Query, Path, Row>, backend, {
            query: filters,
            path: pathParams,
            token,
            size: pageSize,
            fresh: caller.fresh === true,
            snapshot,
            snapshotIsNew: cursor === undefined,
          });
          if (!page.cached) {
            upstreamCalls += 1;
            if (page.upstreamRequestId !== undefined) upstreamRequestIds.push(page.upstreamRequestId);
          }
          return page;
        },
      })),
      positions: cursor?.positions ?? {},
      size,
      ...listingOrder(spec, filters),
      waitMs: env.CATALOG_SOURCE_WAIT_MS,
      budget: { maxCalls: env.PROXY_FOLLOW_MAX_CALLS * sources.length, maxMs: env.PROXY_FOLLOW_MAX_MS },
      concurrency: env.CATALOG_SOURCE_CONCURRENCY,
      isEmpty: (error) => error instanceof Error && error.name === 'ResourceNotFound',
      codeOf: (error) => sourceError(error, context).code,
    }),
  );

  const failed = merged.results.filter((result) => result.state === 'failed');
  const first = failed[0];
  if (first?.state === 'failed' && merged.results.every((result) => result.state !== 'ok')) {
    throw sourceError(first.error, context);
  }
  const missing = merged.results.map((result) => (result.state === 'ok' ? result.missing : undefined));
  if (missing.every((entry) => entry !== undefined) && missing[0] !== undefined) {
    throw sourceError(missing[0].error, context);
  }

  const where = new Map(sources.map((source) => [source.key, { source, fields: listedIn(source) }]));
  const items = merged.items.map(({ row, source }) => ({ ...row, ...where.get(source)?.fields }));
  const statuses = merged.results.map((result) => {
    const from = where.get(result.key);
    if (from === undefined) throw new Error(`no source ${result.key}`);
    return statusOf(from.source, from.fields.AccountId, result, context);
  });
  const answer: ListPage<Row> = {
    items,
    nextToken: merged.more ? await encodeCursor({ listing, pageSize, snapshot, positions: merged.positions }) : null,
    budgetExhausted: merged.budgetExhausted,
    sources: statuses,
  };
  return {
    entry: { body: JSON.stringify(answer), upstreamCalls, upstreamRequestIds },
    source: upstreamCalls > 0 ? 'upstream' : 'cache',
  };
}
