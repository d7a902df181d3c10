import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiPath, rowId } from '@/lib/resources/derive';
import type { ResourceSpec } from '@/lib/resources/types';
import { listApiParams, pageUrl, rangeApiParams, type ApiParams } from '@/lib/url/api-query';
import { serializeRange } from '@/lib/url/range';
import { listValue, rangeValue, type ViewValues } from '@/lib/url/view';
import { fetchListPage, type ListPage } from './fetch-page';

export const PAGE_SIZE = 100;

/** The cursor of one page: its NextToken and the range bounds resolved when the listing started. */
export interface PageCursor {
  token: string | null;
  ranges: ApiParams;
}

export interface CursorPage extends ListPage<Row> {
  cursor: PageCursor;
  /** When the browser received the page (epoch ms). */
  fetchedAt: number;
}

type Row = Record<string, unknown>;

/** Range bounds the server resolved for a view (`view` is its rangeKey as JSON), for its first page to use. */
export interface ResolvedRanges {
  view: string;
  ranges: ApiParams;
}

/** The list route's error answer to a view's first page, which the server got when it loaded that page. */
export interface RefusedFirstPage {
  /** The listing's query key, as JSON. */
  key: string;
  status: number;
  code: string;
  message: string;
  param?: string;
  requestId: string;
}

/** What the server's render knew of the view's first page, besides the page itself when it had one. */
export interface ServerFirstPage {
  resolved: ResolvedRanges;
  refused?: RefusedFirstPage;
}
const FIRST_PAGE: PageCursor | null = null;

export function rangeKey(spec: ResourceSpec, values: ViewValues): Record<string, string> {
  return Object.fromEntries(
    spec.filters.flatMap((filter) => {
      const range = filter.kind === 'dateRange' ? rangeValue(values, filter.id) : null;
      return range === null ? [] : [[filter.id, serializeRange(range)]];
    }),
  );
}

/**
 * The listing of a view, page by page. Its first load resolves relative ranges with the bounds the server
 * resolved for the same view when there are any, so it asks for the page the server asked for; a refresh
 * resolves them again.
 */
export function listQueryOptions(
  spec: ResourceSpec,
  path: Record<string, string>,
  values: ViewValues,
  resolved?: ResolvedRanges,
) {
  const params = listApiParams(spec, values);
  const ranges = rangeKey(spec, values);
  const serverRanges = resolved?.view === JSON.stringify(ranges) ? resolved.ranges : undefined;
  return infiniteQueryOptions({
    queryKey: ['list', spec.id, path, params, ranges],
    // A new sort or filter keeps the rows on screen (and the focus on the control) until its first page arrives.
    placeholderData: keepPreviousData,
    initialPageParam: FIRST_PAGE,
    queryFn: async ({ pageParam, signal, client, queryKey }): Promise<CursorPage> => {
      // Loading the first page of a listing already shown is a refresh: the answer must be new.
      const fresh = pageParam === null && client.getQueryData(queryKey) !== undefined;
      const cursor = pageParam ?? {
        token: null,
        ranges: (fresh ? undefined : serverRanges) ?? rangeApiParams(spec, values, Date.now()),
      };
      const url = pageUrl(apiPath(spec, path), params, cursor.ranges, PAGE_SIZE, cursor.token);
      const page = await fetchListPage(url, signal, { fresh });
      return { ...page, cursor, fetchedAt: Date.now() };
    },
    getNextPageParam: (last): PageCursor | null =>
      last.nextToken === null ? null : { token: last.nextToken, ranges: last.cursor.ranges },
  });
}

/**
 * The view's first page again, polled every `intervalMs` while the tab is shown, with relative ranges resolved
 * on every poll; the same request as the listing's first page, so it shares the proxy's cache.
 */
export function firstPagePollOptions(
  spec: ResourceSpec,
  path: Record<string, string>,
  values: ViewValues,
  intervalMs: number | undefined,
) {
  const params = listApiParams(spec, values);
  return queryOptions({
    queryKey: ['poll', spec.id, path, params, rangeKey(spec, values)],
    enabled: intervalMs !== undefined,
    refetchInterval: intervalMs ?? false,
    refetchIntervalInBackground: false,
    queryFn: async ({ signal }) => {
      const url = pageUrl(apiPath(spec, path), params, rangeApiParams(spec, values, Date.now()), PAGE_SIZE, null);
      return (await fetchListPage(url, signal)).items;
    },
  });
}

/** What the view's browser-side filters keep; null when none is set. */
export function matchesBrowserFilters(spec: ResourceSpec, values: ViewValues): ((row: Row) => boolean) | null {
  const wanted = spec.filters.flatMap((filter) => {
    if (filter.kind !== 'multiEnum') return [];
    const allowed = listValue(values, filter.id);
    return allowed.length === 0 ? [] : [{ field: filter.field, allowed }];
  });
  if (wanted.length === 0) return null;
  return (row) => wanted.every(({ field, allowed }) => allowed.includes(String(row[field])));
}

function timeOf(value: unknown): number {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/**
 * The polled rows created after every loaded row and not loaded yet: new since the listing was loaded, in
 * whatever place the view's sort gives them.
 */
export function newerRows(spec: ResourceSpec, loaded: readonly Row[], polled: readonly Row[]): Row[] {
  const field = spec.columns.find((column) => column.id === spec.sort.newest)?.field;
  if (field === undefined) return [];
  let newestLoaded = Number.NEGATIVE_INFINITY;
  const ids = new Set<string>();
  for (const row of loaded) {
    newestLoaded = Math.max(newestLoaded, timeOf(row[field]));
    ids.add(rowId(spec, row));
  }
  return polled.filter((row) => timeOf(row[field]) > newestLoaded && !ids.has(rowId(spec, row)));
}
