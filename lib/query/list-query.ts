import { infiniteQueryOptions, keepPreviousData } from '@tanstack/react-query';
import { apiPath } from '@/lib/resources/derive';
import type { ResourceSpec } from '@/lib/resources/types';
import { pageUrl, rangeApiParams, staticApiParams, type ApiParams } from '@/lib/url/api-query';
import { serializeRange } from '@/lib/url/range';
import { rangeValue, type ViewValues } from '@/lib/url/view';
import { fetchListPage, type ListPage } from './fetch-page';

export const PAGE_SIZE = 100;

/** The cursor of one page: its NextToken and the range bounds resolved when the listing started. */
export interface PageCursor {
  token: string | null;
  ranges: ApiParams;
}

export interface CursorPage extends ListPage<Row> {
  cursor: PageCursor;
}

type Row = Record<string, unknown>;
const FIRST_PAGE: PageCursor | null = null;

export function listQueryOptions(spec: ResourceSpec, path: Record<string, string>, values: ViewValues) {
  const params = staticApiParams(spec, values);
  const ranges = Object.fromEntries(
    spec.filters.flatMap((filter) => {
      const range = filter.kind === 'dateRange' ? rangeValue(values, filter.id) : null;
      return range === null ? [] : [[filter.id, serializeRange(range)]];
    }),
  );
  return infiniteQueryOptions({
    queryKey: ['list', spec.id, path, params, ranges],
    // A new sort or filter keeps the rows on screen (and the focus on the control) until its first page arrives.
    placeholderData: keepPreviousData,
    initialPageParam: FIRST_PAGE,
    queryFn: async ({ pageParam, signal }): Promise<CursorPage> => {
      const cursor = pageParam ?? { token: null, ranges: rangeApiParams(spec, values, Date.now()) };
      const url = pageUrl(apiPath(spec, path), params, cursor.ranges, PAGE_SIZE, cursor.token);
      const page = await fetchListPage(url, spec.row, signal);
      return { ...page, cursor };
    },
    getNextPageParam: (last): PageCursor | null =>
      last.nextToken === null ? null : { token: last.nextToken, ranges: last.cursor.ranges },
  });
}
