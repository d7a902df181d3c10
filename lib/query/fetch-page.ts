import { readListPage, type ListPage } from '@/lib/resources/page';
import { fetchJson } from './fetch-json';

export type { ListPage };

const listPage = { what: 'a page of rows', read: readListPage };

/** GETs one page of a listing from the proxy. */
export function fetchListPage(
  url: string,
  signal: AbortSignal,
  options?: { fresh?: boolean },
): Promise<ListPage<Record<string, unknown>>> {
  return fetchJson(url, listPage, signal, options);
}
