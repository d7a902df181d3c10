import 'server-only';
import { randomUUID } from 'node:crypto';
import type * as z from 'zod/mini';
import { sageMakerBackend } from '@/lib/sagemaker/client';
import type { ListAdapter } from '@/lib/sagemaker/list-adapter';
import type { ResourceSpec } from '@/lib/resources/types';
import { auditApiCall, type ApiCallRecord, type CacheOutcome } from './audit';
import { userFromHeaders } from './auth/user-header';
import { cacheKey } from './cache-key';
import { serverEnv } from './env';
import { collectPage } from './follow-pages';
import { proxyLogger } from './logger';
import { ProxyError } from './proxy-error';
import { cachedOrLoad } from './page-cache';
import { readQueryParams } from './query-params';
import { errorResponse, successResponse } from './respond';
import { fromUpstream } from './upstream-error';
import { parseOrThrow } from './validate';

type PageQuery = { MaxResults?: number; NextToken?: string };
type Spec<Query, Path> = Pick<ResourceSpec, 'id' | 'iamAction' | 'operation'> & {
  query: z.ZodMiniType<Query>;
  pathParams: z.ZodMiniType<Path>;
};
const CACHE_OUTCOME = { cache: 'hit', shared: 'shared', upstream: 'miss' } as const satisfies Record<
  string,
  CacheOutcome
>;

export interface RouteContext {
  params: Promise<unknown> | undefined;
}

async function listPage<Query extends PageQuery, Path extends object, Row>(
  spec: Spec<Query, Path>,
  adapter: ListAdapter<Query, Path, Row>,
  request: Request,
  context: RouteContext,
  requestId: string,
): Promise<Response> {
  // Next resolves `params` to undefined for routes without dynamic segments.
  const path = parseOrThrow(spec.pathParams, (await context.params) ?? {}, 'path');
  const rawQuery = readQueryParams(new URL(request.url));
  const query = parseOrThrow(spec.query, rawQuery, 'query');
  const env = serverEnv();
  const backend = sageMakerBackend();
  const budget = { maxCalls: env.PROXY_FOLLOW_MAX_CALLS, maxMs: env.PROXY_FOLLOW_MAX_MS };
  const started = performance.now();
  const key = cacheKey(spec.id, backend.identity, { ...query, ...path });
  const { entry, source } = await cachedOrLoad(key, request.signal, async (signal) => {
    const page = await collectPage(adapter, backend, { query, path, signal }, budget);
    const body = JSON.stringify({
      items: page.items,
      nextToken: page.nextToken,
      budgetExhausted: page.budgetExhausted,
    });
    if (page.interruptedBy !== undefined) {
      const cause = fromUpstream(page.interruptedBy, {
        operation: spec.operation,
        iamAction: spec.iamAction,
        requestParams: [],
      });
      proxyLogger().warn(
        { requestId, resource: spec.id, upstreamCode: cause.details.upstreamCode },
        'page cut short by an upstream error',
      );
    }
    return {
      entry: { body, upstreamCalls: page.calls, upstreamRequestIds: page.upstreamRequestIds },
      cacheable: page.interruptedBy === undefined,
    };
  });
  const record: ApiCallRecord = {
    ...callRecord(spec, request, requestId, { ...query, ...path }),
    status: 200,
    durationMs: performance.now() - started,
    cache: CACHE_OUTCOME[source],
    upstreamRequestIds: source === 'cache' ? [] : entry.upstreamRequestIds,
  };
  auditApiCall(proxyLogger(), record, 'api call', {
    cache: source,
    upstreamCalls: source === 'upstream' ? entry.upstreamCalls : 0,
  });
  return successResponse(entry.body, requestId, env.PROXY_CACHE_TTL_MS, source);
}

function callRecord(
  spec: Pick<ResourceSpec, 'id' | 'operation'>,
  request: Request,
  requestId: string,
  params: Record<string, unknown>,
): Pick<ApiCallRecord, 'requestId' | 'route' | 'method' | 'operation' | 'user' | 'params'> {
  const user = userFromHeaders(request.headers)?.id ?? null;
  return { requestId, route: spec.id, method: request.method, operation: spec.operation, user, params };
}

function requestParamNames(request: Request): string[] {
  return [...new URL(request.url).searchParams.keys(), 'ImageName'];
}

/** The GET handler of one list resource, driven by its spec and SDK adapter; other methods never get this far. */
export function listRoute<Query extends PageQuery, Path extends object, Row>(
  spec: Spec<Query, Path>,
  adapter: ListAdapter<Query, Path, Row>,
) {
  async function GET(request: Request, context: RouteContext): Promise<Response> {
    const requestId = randomUUID();
    const started = performance.now();
    try {
      return await listPage(spec, adapter, request, context, requestId);
    } catch (thrown) {
      const error = request.signal.aborted
        ? new ProxyError(499, 'ClientClosedRequest', 'The client went away before the answer was ready.')
        : fromUpstream(thrown, {
            operation: spec.operation,
            iamAction: spec.iamAction,
            requestParams: requestParamNames(request),
          });
      const { upstreamRequestId, upstreamCode, cause } = error.details;
      const record: ApiCallRecord = {
        ...callRecord(spec, request, requestId, Object.fromEntries(new URL(request.url).searchParams)),
        status: error.status,
        code: error.code,
        durationMs: performance.now() - started,
        cache: undefined,
        upstreamRequestIds: upstreamRequestId === undefined ? [] : [upstreamRequestId],
      };
      auditApiCall(proxyLogger(), record, error.message, {
        upstreamCode,
        upstreamRequestId,
        ...(error.status >= 500 ? { err: cause } : {}),
      });
      return errorResponse(error, requestId);
    }
  }
  return { GET };
}
