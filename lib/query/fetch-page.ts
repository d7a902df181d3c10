import type * as z from 'zod/mini';
import { listPageSchema, type ListPage } from '@/lib/resources/page';
import { fetchJson } from './fetch-json';

export type { ListPage };

/** GETs one page of a listing from the proxy. */
export function fetchListPage<Row>(
  url: string,
  row: z.ZodMiniType<Row>,
  signal: AbortSignal,
  options?: { fresh?: boolean },
): Promise<ListPage<Row>> {
  return fetchJson(url, listPageSchema(row), signal, options);
}
