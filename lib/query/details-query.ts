import { queryOptions } from '@tanstack/react-query';
import { detailsApiPath } from '@/lib/resources/details';
import { isRecord } from '@/lib/resources/records';
import type { ResourceSpec } from '@/lib/resources/types';
import { fetchJson } from './fetch-json';

/** A details answer: the Describe call's `item`, and the listing's own `row` when the item holds one. */
export interface Details {
  item: Record<string, unknown>;
  row?: Record<string, unknown>;
}

const detailsAnswer = {
  what: 'the details of a row',
  read: (body: unknown): Details | undefined => {
    if (!isRecord(body) || !isRecord(body.item)) return undefined;
    return { item: body.item, ...(isRecord(body.row) ? { row: body.row } : {}) };
  },
};

/** One row's details from the spec's Describe call, fetched when its panel opens and kept a minute. */
export function detailsQueryOptions(spec: Pick<ResourceSpec, 'id'>, params: Record<string, string> | undefined) {
  return queryOptions({
    queryKey: ['details', spec.id, params ?? {}],
    enabled: params !== undefined,
    staleTime: 60_000,
    queryFn: ({ signal }) => fetchJson(detailsApiPath(spec, params ?? {}), detailsAnswer, signal),
  });
}
