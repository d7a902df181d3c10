import { dehydrate, QueryClient, type DehydratedState } from '@tanstack/react-query';
import { PAGE_SIZE, listQueryOptions, rangeKey, type CursorPage, type ResolvedRanges } from '@/lib/query/list-query';
import { apiPath } from '@/lib/resources/derive';
import { readListPage, withSourceColumns } from '@/lib/resources/page';
import { resourceSpec, type ResourceId } from '@/lib/resources/registry';
import { listApiParams, pageUrl, rangeApiParams } from '@/lib/url/api-query';
import type { SourceChoices } from '@/lib/url/sources';
import { readView } from '@/lib/url/view';

export type { ServerFirstPage } from '@/lib/query/list-query';

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first of a repeated parameter, as the browser's URLSearchParams.get reads it. */
export function firstParam(searchParams: SearchParams, name: string): string | null {
  const value = searchParams[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export interface FirstPageRequest {
  /** The list route's URL of the view's first page, with its relative ranges resolved. */
  apiUrl: string;
  /** Those ranges, for the browser's first page of the same view when the server's is not handed over. */
  resolved: ResolvedRanges;
  /** The listing's query key, as JSON. */
  key: string;
  /** The query cache holding `body` as the view's first page, under the key the browser's table reads. */
  state: (body: unknown, fetchedAt: number) => DehydratedState | undefined;
}

/**
 * The first page the table of this URL shows: the same spec, view, query key and URL as the browser's, with
 * relative ranges resolved once, at `now`, for the server and the browser.
 */
export function firstPageRequest(
  resource: ResourceId,
  path: Record<string, string>,
  searchParams: SearchParams,
  sources: SourceChoices,
  now: number,
): FirstPageRequest {
  const spec = withSourceColumns(resourceSpec(resource), sources.several);
  const { values } = readView(spec, (param) => firstParam(searchParams, param), sources);
  const ranges = rangeApiParams(spec, values, now);
  const { queryKey } = listQueryOptions(spec, path, values);
  return {
    apiUrl: pageUrl(apiPath(spec, path), listApiParams(spec, values), ranges, PAGE_SIZE, null),
    resolved: { view: JSON.stringify(rangeKey(spec, values)), ranges },
    key: JSON.stringify(queryKey),
    state(body, fetchedAt) {
      const parsed = readListPage(body);
      if (parsed === undefined) return undefined;
      const page: CursorPage = { ...parsed, cursor: { token: null, ranges }, fetchedAt };
      const client = new QueryClient();
      client.setQueryData(queryKey, { pages: [page], pageParams: [null] }, { updatedAt: fetchedAt });
      return dehydrate(client);
    },
  };
}
