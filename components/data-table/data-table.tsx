'use client';

import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { ApiError } from '@/lib/query/api-error';
import {
  PAGE_SIZE,
  firstPagePollOptions,
  matchesBrowserFilters,
  newerRows,
  type ServerFirstPage,
} from '@/lib/query/list-query';
import { apiPath, rowId, rowKey } from '@/lib/resources/derive';
import { sourcesLeftOut, withSourceColumns } from '@/lib/resources/page';
import { resourceSpec, type ResourceId } from '@/lib/resources/registry';
import { listApiParams, pageUrl, sortsInBrowser } from '@/lib/url/api-query';
import type { CliTarget } from '@/lib/url/cli-command';
import { CHART_OFF, CHART_PARAM, DETAILS_PARAM, REFRESH_PARAM } from '@/lib/url/codecs';
import { refreshInterval, refreshMs } from '@/lib/url/refresh';
import { ACCOUNT_PARAM, REGION_PARAM, selectedSources, sourceApiParams, type SourceChoices } from '@/lib/url/sources';
import { hasFilters, textValue, viewSort } from '@/lib/url/view';
import { buttonClass, ghostButtonClass } from '@/components/ui/styles';
import { chartField, chartRoom, facetPatch, facets, timeFields, viewBounds } from '@/components/histogram/chart-spec';
import { CopyActions } from './copy-actions';
import { DetailsPanel } from './details-panel';
import { ExportActions } from './export-actions';
import { LoadAll } from './load-all';
import { NewRowsButton, RefreshControls, UpdatedAt } from './freshness';
import { PreferencesMenu, TimeZoneSwitch } from './preferences-menu';
import { EmptyState, ErrorNotice, TableSkeleton } from './table-states';
import { sortRows } from './sort-rows';
import { SourceFilter } from './source-filter';
import { SourceStatusChips } from './source-status';
import { RowCount, TableFooter, errorText } from './table-footer';
import { FilterBar } from './toolbar';
import { UrlIssues } from './url-issues';
import { useListing } from './use-listing';
import { useScrollAnchor } from './use-scroll-anchor';
import { useTablePreferences } from './use-table-preferences';
import { useViewState } from './use-view-state';
import { useHydrated } from './use-now';
import { ROW_HEIGHT, VirtualTable } from './virtual-table';

export interface DataTableProps {
  resource: ResourceId;
  path?: Record<string, string>;
  /** Where the server lists from, for the AWS CLI command. */
  backend: CliTarget;
  /** The accounts and regions the server lists from. */
  sources: SourceChoices;
  notFound?: ReactNode;
  /** What the server's render knew of the view's first page. */
  server?: ServerFirstPage;
}

const NO_PATH: Record<string, string> = {};

/** The chart's code loads after the first rows: it is not part of the page's first load. */
const TimeHistogram = dynamic(
  () => import('@/components/histogram/time-histogram').then((loaded) => loaded.TimeHistogram),
  { ssr: false },
);

export function DataTable({ resource, path = NO_PATH, backend, sources, notFound, server }: DataTableProps) {
  const spec = useMemo(() => withSourceColumns(resourceSpec(resource), sources.several), [resource, sources.several]);
  const { values, issues, setView } = useViewState(spec, sources);
  const { query, loaded, rows, resolvedRanges, fetchedAt, refused, retry } = useListing(spec, path, values, server);
  const prefs = useTablePreferences(spec);
  const hydrated = useHydrated();
  const scrollRef = useRef<HTMLDivElement>(null);
  const sort = viewSort(spec, values);
  const sortInBrowser = sortsInBrowser(spec, values);
  const filtered = hasFilters(spec, values) || Object.keys(sourceApiParams(values)).length > 0;
  const sortColumn = sortInBrowser ? spec.columns.find((column) => column.id === sort.id) : undefined;
  const ordered = useMemo(
    () => (sortColumn === undefined ? rows : sortRows(rows, sortColumn, sort.order)),
    [rows, sortColumn, sort.order],
  );
  const {
    data,
    error,
    hasNextPage,
    isFetchingNextPage,
    isFetchNextPageError,
    fetchNextPage,
    refetch,
    failureCount,
    isFetching,
    isPlaceholderData: stale,
  } = query;
  const retrying = isFetching && failureCount > 0;
  const refreshing = isFetching && !isFetchingNextPage && data !== undefined && !stale;
  const throttled = query.failureReason instanceof ApiError && query.failureReason.status === 429;
  const retryLabel = throttled ? 'Throttled by the API, retrying…' : 'Retrying…';

  const serverKey = JSON.stringify([
    values.sort,
    values.order,
    values[ACCOUNT_PARAM],
    values[REGION_PARAM],
    ...spec.filters.map((filter) => values[filter.id]),
  ]);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [serverKey]);

  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const onSort = useCallback(
    (columnId: string) => {
      const column = spec.columns.find((candidate) => candidate.id === columnId);
      const initial = column?.cell === 'datetime' || column?.cell === 'number' ? 'desc' : 'asc';
      const order = sort.id === columnId ? (sort.order === 'asc' ? 'desc' : 'asc') : initial;
      setView({ sort: columnId, order });
    },
    [spec, sort, setView],
  );
  const clearFilters = useCallback(
    () =>
      setView({
        ...Object.fromEntries(spec.filters.map((filter) => [filter.id, null])),
        [ACCOUNT_PARAM]: null,
        [REGION_PARAM]: null,
      }),
    [spec, setView],
  );
  const canLoadMore = hasNextPage && !isFetchingNextPage && !isFetchNextPageError && !stale;
  const { visibility } = prefs;

  const ids = useMemo(() => ordered.map((row) => rowKey(spec, row)), [ordered, spec]);
  const captureAnchor = useScrollAnchor(scrollRef, ids, ROW_HEIGHT[prefs.density], fetchedAt ?? 0);
  const refresh = () => {
    captureAnchor();
    void refetch();
  };

  const interval = refreshInterval(values[REFRESH_PARAM]);
  const polled = useQuery({
    ...firstPagePollOptions(spec, path, values, refreshMs(interval)),
    enabled: interval !== undefined && data !== undefined && !stale && !refreshing,
  });
  const fresh = useMemo(() => {
    const page = polled.data ?? [];
    const keep = matchesBrowserFilters(spec, values);
    const found = newerRows(spec, loaded, keep === null ? page : page.filter(keep));
    // The whole polled page is new: there may be more beyond it.
    const last = page.at(-1);
    const more = page.length >= PAGE_SIZE && last !== undefined && found.includes(last);
    return { count: found.length, more };
  }, [spec, values, loaded, polled.data]);

  const statuses = useMemo(() => data?.pages.at(-1)?.sources ?? [], [data]);

  const times = useMemo(() => timeFields(spec), [spec]);
  const timeId = chartField(times, textValue(values, CHART_PARAM))?.id ?? '';
  const charted = timeId !== '';
  const breakdowns = useMemo(() => facets(spec, values, sources), [spec, values, sources]);
  const stack =
    breakdowns.find((facet) => facet.id === 'approval') ?? breakdowns.find((facet) => facet.id === 'status');
  const onRange = useCallback(
    (fieldId: string, start: Date, end: Date) => setView({ [fieldId]: { kind: 'absolute', start, end } }),
    [setView],
  );
  const onFacet = useCallback(
    (facetId: string, value: string, clear: boolean) => setView(facetPatch(spec, facetId, value, clear)),
    [spec, setView],
  );
  const bounds = useMemo(
    () => viewBounds(spec, values, timeId, resolvedRanges),
    [spec, values, timeId, resolvedRanges],
  );
  const room = chartRoom(breakdowns.length);
  const onTimeField = useCallback(
    (id: string) => setView({ [CHART_PARAM]: id === times[0]?.id ? null : id }, { history: 'replace' }),
    [times, setView],
  );

  const openId = textValue(values, DETAILS_PARAM) || undefined;
  const openedHere = useRef<string | null>(null);
  const openDetails = useCallback(
    (id: string) => {
      openedHere.current = id;
      setView({ [DETAILS_PARAM]: id });
    },
    [setView],
  );
  const routed = useSearchParams().get(DETAILS_PARAM);
  const closeDetails = useCallback(() => {
    // Go back only over the entry the open pushed, once both the address bar and the router have it: when Escape
    // follows Enter quickly, either may still be behind, and going back then would leave the panel's state behind.
    const inUrl = new URLSearchParams(window.location.search).get(DETAILS_PARAM);
    if (openedHere.current !== null && openedHere.current === openId && inUrl === openId && routed === openId) {
      openedHere.current = null;
      window.history.back();
    } else {
      openedHere.current = null;
      setView({ [DETAILS_PARAM]: null }, { history: 'replace' });
    }
  }, [openId, routed, setView]);
  const openRow = useMemo(
    () => (openId === undefined ? undefined : loaded.find((row) => rowId(spec, row) === openId)),
    [openId, loaded, spec],
  );

  let body: ReactNode;
  if (refused !== undefined) {
    if (refused.status === 404 && notFound !== undefined) body = notFound;
    else body = <ErrorNotice title={`${spec.label} could not be loaded`} {...errorText(refused)} onRetry={retry} />;
  } else if (error !== null && (data === undefined || stale)) {
    if (error instanceof ApiError && error.status === 404 && notFound !== undefined) body = notFound;
    else
      body = (
        <ErrorNotice title={`${spec.label} could not be loaded`} {...errorText(error)} onRetry={() => void refetch()} />
      );
  } else if (data === undefined) {
    body = (
      <>
        {retrying && (
          <p role="status" className="px-3 pt-3 text-xs text-amber-800 dark:text-amber-300">
            {retryLabel}
          </p>
        )}
        <TableSkeleton />
      </>
    );
  } else if (rows.length === 0 && !hasNextPage && !isFetchNextPageError) {
    body = <EmptyState label={spec.label} filtered={filtered} onClear={clearFilters} />;
  } else {
    body = (
      <VirtualTable
        spec={spec}
        rows={ordered}
        sort={sort}
        onSort={onSort}
        openId={openId}
        onOpen={openDetails}
        visibility={visibility}
        density={prefs.density}
        canLoadMore={canLoadMore}
        loadMore={loadMore}
        scrollRef={scrollRef}
        stale={stale}
        view={values}
        path={path}
      >
        <TableFooter
          hasNextPage={hasNextPage}
          isFetchingNextPage={isFetchingNextPage}
          nextPageError={isFetchNextPageError ? error : null}
          retryLabel={retrying ? retryLabel : null}
          onLoadMore={loadMore}
        />
      </VirtualTable>
    );
  }

  return (
    <section
      aria-label={spec.label}
      data-hydrated={hydrated || undefined}
      data-first-page={
        resolvedRanges === undefined
          ? undefined
          : pageUrl(apiPath(spec, path), listApiParams(spec, values), resolvedRanges, PAGE_SIZE, null)
      }
      className="flex min-w-0 flex-1 flex-col rounded-md border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950"
    >
      <div className="flex flex-col gap-2 border-b border-zinc-200 p-3 dark:border-zinc-800">
        <UrlIssues issues={issues} />
        <div className="flex flex-wrap items-center justify-between gap-2">
          <FilterBar spec={spec} values={values} setView={setView}>
            <SourceFilter sources={sources} values={values} setView={setView} />
          </FilterBar>
          <div className="flex flex-wrap items-center gap-2">
            <RefreshControls
              refreshing={refreshing}
              onRefresh={refresh}
              interval={interval}
              onInterval={(chosen) => setView({ [REFRESH_PARAM]: chosen }, { history: 'replace' })}
            />
            {times.length > 0 && (
              <button
                type="button"
                aria-pressed={charted}
                className={buttonClass}
                onClick={() => setView({ [CHART_PARAM]: charted ? CHART_OFF : null })}
              >
                Chart
              </button>
            )}
            <TimeZoneSwitch zone={prefs.zone} onChange={prefs.setZone} />
            <PreferencesMenu
              spec={spec}
              visibility={visibility}
              onVisibility={prefs.setVisibility}
              density={prefs.density}
              onDensity={prefs.setDensity}
              onReset={prefs.reset}
            />
            <CopyActions
              spec={spec}
              path={path}
              values={values}
              target={backend}
              resolvedRanges={resolvedRanges}
              sources={sources.several ? selectedSources(sources, values) : undefined}
            />
            <ExportActions spec={spec} path={path} values={values} resolvedRanges={resolvedRanges} />
          </div>
        </div>
        {data !== undefined && (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
            <RowCount
              loaded={loaded.length}
              shown={rows.length}
              complete={!hasNextPage}
              leftOut={sourcesLeftOut(statuses).length}
              sortedInBrowser={sortInBrowser}
              retrying={retrying}
              updating={stale}
            />
            {hasNextPage && !stale && (
              <LoadAll
                spec={spec}
                path={path}
                values={values}
                resolvedRanges={resolvedRanges}
                lastPage={data.pages.at(-1)}
                onLoaded={captureAnchor}
              />
            )}
            {fetchedAt !== undefined && !stale && <UpdatedAt at={fetchedAt} />}
            {query.isRefetchError && !stale && (
              <span
                role="alert"
                data-testid="refresh-error"
                className="flex items-center gap-2 text-red-800 dark:text-red-300"
              >
                Refresh failed: {errorText(error).message}
                <button type="button" className={ghostButtonClass} onClick={refresh}>
                  Retry
                </button>
              </span>
            )}
            <NewRowsButton count={fresh.count} more={fresh.more} onShow={refresh} />
          </div>
        )}
        {data !== undefined && !stale && (
          <SourceStatusChips statuses={statuses} retrying={refreshing} onRetry={refresh} />
        )}
      </div>
      {data !== undefined && charted && (
        <div
          data-testid="chart-room"
          className="shrink-0 border-b border-zinc-200 min-h-[var(--chart-phone)] noscript:hidden sm:min-h-[var(--chart-wide)] dark:border-zinc-800"
          style={{ '--chart-phone': `${room.phone}px`, '--chart-wide': `${room.wide}px` } as CSSProperties}
        >
          {hydrated && (
            <TimeHistogram
              label={spec.label}
              rows={rows}
              complete={!hasNextPage}
              fields={times}
              fieldId={timeId}
              onField={onTimeField}
              stack={stack}
              facets={breakdowns}
              bounds={bounds}
              zone={prefs.zone}
              onRange={onRange}
              onFacet={onFacet}
            />
          )}
        </div>
      )}
      {body}
      {openId !== undefined && (
        <DetailsPanel
          key={openId}
          spec={spec}
          id={openId}
          row={openRow}
          path={path}
          several={sources.several}
          onClose={closeDetails}
        />
      )}
    </section>
  );
}
