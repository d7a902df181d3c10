import 'server-only';
import type { z } from 'zod';
import { sageMakerBackend, type SageMakerBackend } from '@/lib/sagemaker/client';
import { iamAction } from '@/lib/resources/derive';
import type { ListPage, SourceFields } from '@/lib/resources/page';
import { catalogSources, type CatalogSource } from '@/lib/config/sources';
import { mergedListThrough } from './merged-listing';
import { listedIn } from './sources';
import type { ResourceSpec } from '@/lib/resources/types';
import { listPage, type PageRequest } from '@/lib/sagemaker/list-operation';
import { auditApiCall, type ApiCallRecord, type CacheOutcome } from './audit';
import { cacheKey } from './cache-key';
import { serverEnv } from '@/lib/config/env';
import { collectPage } from './follow-pages';
import { proxyLogger } from '@/lib/observability/logger';
import { withRequestContext } from '@/lib/observability/request-context';
import { cachedOrLoad, type CacheResult, type LoadResult } from './page-cache';
import { ProxyError } from '@/lib/server/http/proxy-error';
import { fromUpstream } from './upstream-error';

export type PageQuery = { MaxResults?: number; NextToken?: string };
export type ListingSpec<Query, Path, Row> = Pick<
  ResourceSpec,
  'id' | 'operation' | 'resultKey' | 'sort' | 'idField'
> & {
  columns: readonly Pick<ResourceSpec['columns'][number], 'id' | 'field' | 'cell'>[];
  query: z.core.$ZodType<Query>;
  pathParams: z.core.$ZodType<Path>;
  row: z.core.$ZodType<Row>;
};

/** What the error mapping needs to know about the call. */
export function upstreamContext(spec: Pick<ResourceSpec, 'operation'>, requestParams: readonly string[]) {
  return { operation: spec.operation, iamAction: iamAction(spec), requestParams };
}

/** Who asks, for the audit line; `signal` aborts the call once this caller stops waiting. */
export interface Caller {
  requestId: string;
  /** The API route or page asking. */
  route: string;
  method: string;
  user: string | null;
  signal?: AbortSignal;
  /** Names of the parameters the caller sent, to attribute upstream validation errors. */
  sentParams: readonly string[];
  /** Skip the cache's stored answer (the answer is still stored for the next caller). */
  fresh?: boolean;
}

const CACHE_OUTCOME = { cache: 'hit', shared: 'shared', upstream: 'miss' } as const satisfies Record<
  CacheResult['source'],
  CacheOutcome
>;

export function audit(
  spec: Pick<ResourceSpec, 'operation'>,
  caller: Caller,
  params: Record<string, unknown>,
  outcome: { status: number; started: number; result?: CacheResult; error?: ProxyError },
): void {
  const { result, error } = outcome;
  const record: ApiCallRecord = {
    requestId: caller.requestId,
    route: caller.route,
    method: caller.method,
    operation: spec.operation,
    user: caller.user,
    params,
    status: outcome.status,
    ...(error === undefined ? {} : { code: error.code }),
    durationMs: performance.now() - outcome.started,
    cache: result === undefined ? undefined : CACHE_OUTCOME[result.source],
    upstreamRequestIds:
      result !== undefined
        ? result.source === 'cache'
          ? []
          : result.entry.upstreamRequestIds
        : error?.details.upstreamRequestId === undefined
          ? []
          : [error.details.upstreamRequestId],
  };
  const extra =
    result !== undefined
      ? {
          cache: result.source,
          ...(result.fleet ? { fleet: true } : {}),
          upstreamCalls: result.source === 'upstream' ? result.entry.upstreamCalls : 0,
        }
      : {
          upstreamCode: error?.details.upstreamCode,
          upstreamRequestId: error?.details.upstreamRequestId,
          ...(outcome.status >= 500 ? { err: error?.details.cause } : {}),
        };
  auditApiCall(proxyLogger(), record, error?.message ?? 'api call', extra);
}

/** A request refused before it reached upstream (a bad parameter, an unknown source), mapped and audited. */
export function refusedRequest(
  spec: Pick<ResourceSpec, 'operation'>,
  caller: Caller,
  url: URL,
  started: number,
  thrown: unknown,
): ProxyError {
  const error = fromUpstream(thrown, upstreamContext(spec, caller.sentParams));
  audit(spec, caller, Object.fromEntries(url.searchParams), { status: error.status, started, error });
  return error;
}

/**
 * One upstream answer through the one data path: the short-TTL cache under `key`, coalescing with identical
 * requests in flight, error mapping and the audit line. Throws the mapped ProxyError, already audited.
 */
export async function answerThrough(
  call: Pick<ResourceSpec, 'operation'>,
  params: Record<string, unknown>,
  caller: Caller,
  key: (identity: string) => string,
  load: (backend: SageMakerBackend, signal: AbortSignal) => Promise<LoadResult>,
  source?: CatalogSource,
): Promise<CacheResult> {
  const started = performance.now();
  try {
    const backend = sageMakerBackend(source);
    const context = { requestId: caller.requestId, user: caller.user, route: caller.route };
    const result = await withRequestContext(context, () =>
      cachedOrLoad(key(backend.identity), caller, (signal) => load(backend, signal)),
    );
    audit(call, caller, params, { status: 200, started, result });
    return result;
  } catch (thrown) {
    const error = caller.signal?.aborted
      ? new ProxyError(499, 'ClientClosedRequest', 'The client went away before the answer was ready.')
      : fromUpstream(thrown, upstreamContext(call, [...caller.sentParams, ...Object.keys(params)]));
    audit(call, caller, params, { status: error.status, started, error });
    throw error;
  }
}

/**
 * One page of a listing through the one data path: with one configured source, that source's page (following
 * short upstream pages); with several, the merged page of the selected ones. The API routes and the pages that
 * need rows both call it.
 */
export function listThrough<Query extends PageQuery, Path extends object, Row>(
  spec: ListingSpec<Query, Path, Row>,
  input: { query: Query; path: Path; sources?: readonly CatalogSource[] },
  caller: Caller,
): Promise<CacheResult> {
  const configured = catalogSources();
  if (!configured.several) return singleListThrough(spec, input, caller);
  const sources = input.sources ?? configured.sources;
  const params = { ...input.query, ...input.path, Sources: sources.map((source) => source.key).join(',') };
  const context = upstreamContext(spec, [...caller.sentParams, ...Object.keys(params)]);
  const started = performance.now();
  return mergedListThrough(spec, { ...input, sources }, caller, context).then(
    (result) => {
      audit(spec, caller, params, { status: 200, started, result });
      return result;
    },
    (thrown: unknown) => {
      const error = caller.signal?.aborted
        ? new ProxyError(499, 'ClientClosedRequest', 'The client went away before the answer was ready.')
        : fromUpstream(thrown, context);
      audit(spec, caller, params, { status: error.status, started, error });
      throw error;
    },
  );
}

function singleListThrough<Query extends PageQuery, Path extends object, Row>(
  spec: ListingSpec<Query, Path, Row>,
  { query, path }: { query: Query; path: Path },
  caller: Caller,
): Promise<CacheResult> {
  const params = { ...query, ...path };
  const key = (identity: string) => cacheKey(spec.id, identity, params);
  return answerThrough(spec, params, caller, key, async (backend, signal) => {
    const env = serverEnv();
    const budget = { maxCalls: env.PROXY_FOLLOW_MAX_CALLS, maxMs: env.PROXY_FOLLOW_MAX_MS };
    const fetchPage = (request: PageRequest<Query, Path>) => listPage(spec, backend, request);
    const page = await collectPage(fetchPage, { query, path, signal }, budget);
    const where = listedIn(backend.source);
    const accountId = where.AccountId;
    const answer: ListPage<Row & SourceFields> = {
      items: page.items.map((item) => ({ ...item, ...where })),
      nextToken: page.nextToken,
      budgetExhausted: page.budgetExhausted,
      sources: [
        {
          account: backend.source.account.name,
          ...(accountId === undefined ? {} : { accountId }),
          region: backend.source.region ?? '',
          status: 'ok',
        },
      ],
    };
    if (page.interruptedBy !== undefined) {
      const cause = fromUpstream(page.interruptedBy, upstreamContext(spec, []));
      proxyLogger().warn(
        { requestId: caller.requestId, resource: spec.id, upstreamCode: cause.details.upstreamCode },
        'page cut short by an upstream error',
      );
    }
    return {
      entry: { body: JSON.stringify(answer), upstreamCalls: page.calls, upstreamRequestIds: page.upstreamRequestIds },
      cacheable: page.interruptedBy === undefined,
    };
  });
}
