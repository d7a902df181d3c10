import 'server-only';
import { z } from 'zod';
import { isResourceId } from '@/lib/resources/registry';
import { listingOf } from '@/lib/resources/schemas/registry';
import { callerOf } from './caller';
import { serverEnv } from '@/lib/config/env';
import { describeThrough } from './details';
import { invalidParameter } from './http/proxy-error';
import { errorResponse, successResponse } from './http/respond';
import { audit, upstreamContext } from './listing';
import { readQueryParams } from './query-params';
import { sourceFor } from './sources';
import type { CatalogSource } from '@/lib/config/sources';
import { fromUpstream } from './upstream-error';
import { parseOrThrow } from './validate';

const routeParams = z.object({ resource: z.string() });

function specWithDetails(resource: string) {
  const spec = isResourceId(resource) ? listingOf(resource) : undefined;
  if (spec?.details === undefined) {
    throw invalidParameter('resource', `"${resource}" is not a listing whose rows have details.`);
  }
  return { ...spec, details: spec.details };
}

/**
 * GET /api/details/{resource}?<members of its Describe API>: one row's details, for any listing whose spec
 * names a Describe call. Validation, errors, cache and audit are the list routes'.
 */
export function detailsRoute() {
  async function GET(request: Request, context: { params: Promise<unknown> }): Promise<Response> {
    const started = performance.now();
    const url = new URL(request.url);
    const caller = callerOf(request, 'details');
    let spec: ReturnType<typeof specWithDetails>;
    let input: Record<string, unknown>;
    let source: CatalogSource;
    try {
      const { resource } = parseOrThrow(routeParams, await context.params, 'resource');
      spec = specWithDetails(resource);
      caller.route = `details:${spec.id}`;
      const { Account, Region, ...params } = readQueryParams(url);
      input = parseOrThrow(spec.details.query, params, 'query');
      source = await sourceFor({ Account, Region });
    } catch (thrown) {
      const error = fromUpstream(thrown, upstreamContext({ operation: 'Describe' }, caller.sentParams));
      audit({ operation: 'Describe' }, caller, Object.fromEntries(url.searchParams), {
        status: error.status,
        started,
        error,
      });
      return errorResponse(error, caller.requestId);
    }
    try {
      const { entry, source: cached } = await describeThrough(spec, input, caller, source);
      return successResponse(entry.body, caller.requestId, serverEnv().PROXY_CACHE_TTL_MS, cached);
    } catch (thrown) {
      const error = fromUpstream(thrown, upstreamContext(spec.details, caller.sentParams));
      return errorResponse(error, caller.requestId);
    }
  }
  return { GET };
}
