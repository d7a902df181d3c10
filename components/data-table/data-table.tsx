'use client';

import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { ApiError } from '@/lib/query/api-error';
import { resourceSpec, type ResourceId } from '@/lib/resources/registry';
import { sortsInBrowser } from '@/lib/url/api-query';
import type { CliTarget } from '@/lib/url/cli-command';
import { hasFilters, viewSort } from '@/lib/url/view';
import { CopyActions } from './copy-actions';
import { PreferencesMenu, TimeZoneSwitch } from './preferences-menu';
import { EmptyState, ErrorNotice, TableSkeleton } from './table-states';
import { RowCount, TableFooter, errorText } from './table-footer';
import { FilterBar } from './toolbar';
import { UrlIssues } from './url-issues';
import { useListing } from './use-listing';
import { useTablePreferences } from './use-table-preferences';
import { useViewState } from './use-view-state';
import { VirtualTable } from './virtual-table';

interface DataTableProps {
  resource: ResourceId;
  path?: Record<string, string>;
  /** Where the server lists from, for the AWS CLI command. */
  backend: CliTarget;
  notFound?: ReactNode;
}

const NO_PATH: Record<string, string> = {};

export function DataTable({ resource, path = NO_PATH, backend, notFound }: DataTableProps) {
  const spec = resourceSpec(resource);
  const { values, issues, setView } = useViewState(spec);
  const { query, loaded, rows, resolvedRanges } = useListing(spec, path, values);
  const prefs = useTablePreferences(spec);
  const scrollRef = useRef<HTMLDivElement>(null);
  const sort = viewSort(spec, values);
  const sortInBrowser = sortsInBrowser(spec, values);
  const filtered = hasFilters(spec, values);
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
  const throttled = query.failureReason instanceof ApiError && query.failureReason.status === 429;
  const retryLabel = throttled ? 'Throttled by the API, retrying…' : 'Retrying…';

  const serverKey = JSON.stringify([values.sort, values.order, ...spec.filters.map((filter) => values[filter.id])]);
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
    () => setView(Object.fromEntries(spec.filters.map((filter) => [filter.id, null]))),
    [spec, setView],
  );
  const canLoadMore = hasNextPage && !isFetchingNextPage && !isFetchNextPageError && !stale;
  const { visibility } = prefs;

  let body: ReactNode;
  if (error !== null && (data === undefined || stale)) {
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
        rows={rows}
        sort={sort}
        sortInBrowser={sortInBrowser}
        onSort={onSort}
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
      className="flex min-h-0 min-w-0 flex-1 flex-col rounded-md border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950"
    >
      <div className="flex flex-col gap-2 border-b border-zinc-200 p-3 dark:border-zinc-800">
        <UrlIssues issues={issues} />
        <div className="flex flex-wrap items-center justify-between gap-2">
          <FilterBar spec={spec} values={values} setView={setView} />
          <div className="flex flex-wrap items-center gap-2">
            <TimeZoneSwitch zone={prefs.zone} onChange={prefs.setZone} />
            <PreferencesMenu
              spec={spec}
              visibility={visibility}
              onVisibility={prefs.setVisibility}
              density={prefs.density}
              onDensity={prefs.setDensity}
              onReset={prefs.reset}
            />
            <CopyActions spec={spec} path={path} values={values} target={backend} resolvedRanges={resolvedRanges} />
          </div>
        </div>
        {data !== undefined && (
          <RowCount
            loaded={loaded.length}
            shown={rows.length}
            complete={!hasNextPage}
            sortedInBrowser={sortInBrowser}
            retrying={retrying}
            updating={stale}
          />
        )}
      </div>
      {body}
    </section>
  );
}
