import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { detailsApiPath } from '@/lib/resources/details';
import type { ResourceSpec } from '@/lib/resources/types';
import { fetchJson } from './fetch-json';

const detailsAnswer = z.object({ item: z.record(z.string(), z.unknown()) });

/** One row's details from the spec's Describe call, fetched when its panel opens and kept a minute. */
export function detailsQueryOptions(spec: Pick<ResourceSpec, 'id'>, params: Record<string, string> | undefined) {
  return queryOptions({
    queryKey: ['details', spec.id, params ?? {}],
    enabled: params !== undefined,
    staleTime: 60_000,
    queryFn: async ({ signal }) => (await fetchJson(detailsApiPath(spec, params ?? {}), detailsAnswer, signal)).item,
  });
}
