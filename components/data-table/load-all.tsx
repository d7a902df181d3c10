'use client';

import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { buttonClass, ghostButtonClass } from '@/components/ui/styles';
import { fetchAllRows } from '@/lib/query/export';
import { listQueryOptions, type CursorPage } from '@/lib/query/list-query';
import { apiPath } from '@/lib/resources/derive';
import { sourcesLeftOut } from '@/lib/resources/page';
import type { ResourceSpec } from '@/lib/resources/types';
import { exportUrl, rangeApiParams, type ApiParams } from '@/lib/url/api-query';
import { ACCOUNT_PARAM } from '@/lib/url/sources';
import type { ViewValues } from '@/lib/url/view';
import { errorText } from './table-footer';

interface LoadAllProps {
  spec: ResourceSpec;
  path: Record<string, string>;
  /** The view without its browser-side filters: every row is loaded, and the table filters them as before. */
  values: ViewValues;
  resolvedRanges: ApiParams | undefined;
  /** The listing's last page, whose sources the loaded listing keeps reporting. */
  lastPage: CursorPage | undefined;
  /** Said before it starts, so the table can keep its place. */
  onLoaded: () => void;
}

type State = { kind: 'idle' } | { kind: 'running'; rows: number } | { kind: 'failed'; message: string };

/**
 * Load all: every row of the listing through the parallel full listing, with the rows so far and Cancel; then the
 * table holds them all, so every column sorts over all of them. The rows shown stay until then.
 */
export function LoadAll({ spec, path, values, resolvedRanges, lastPage, onLoaded }: LoadAllProps) {
  const client = useQueryClient();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  async function load() {
    const abort = new AbortController();
    running.current = abort;
    setState({ kind: 'running', rows: 0 });
    const ranges = resolvedRanges ?? rangeApiParams(spec, values, Date.now());
    const options = listQueryOptions(spec, path, values);
    const withoutBrowserFilters: Record<string, ViewValues[string]> = Object.fromEntries(
      Object.entries(values).filter(([id]) => !spec.filters.some((f) => f.id === id && f.kind === 'multiEnum')),
    );
    // An account that refuses (not one that is throttled or slow) is left out, as the table leaves it out.
    const statuses = lastPage?.sources ?? [];
    const passing = new Set(sourcesLeftOut(statuses));
    const refusing = new Set(
      statuses
        .filter((status) => status.status !== 'ok' && !passing.has(status))
        .map((status) => status.account)
        .filter((account) => statuses.every((status) => status.account !== account || status.status !== 'ok')),
    );
    if (refusing.size > 0) {
      withoutBrowserFilters[ACCOUNT_PARAM] = [...new Set(statuses.map((status) => status.account))].filter(
        (account) => !refusing.has(account),
      );
    }
    try {
      const rows = await fetchAllRows(
        exportUrl(spec, apiPath(spec, path), withoutBrowserFilters, ranges, 'json'),
        abort.signal,
        (count) => setState({ kind: 'running', rows: count }),
      );
      onLoaded();
      const page: CursorPage = {
        items: rows,
        nextToken: null,
        budgetExhausted: false,
        sources: lastPage?.sources ?? [],
        cursor: { token: null, ranges },
        fetchedAt: lastPage?.fetchedAt ?? Date.now(),
      };
      client.setQueryData<InfiniteData<CursorPage, CursorPage['cursor'] | null>>(options.queryKey, {
        pages: [page],
        pageParams: [null],
      });
      setState({ kind: 'idle' });
    } catch (error) {
      setState(abort.signal.aborted ? { kind: 'idle' } : { kind: 'failed', message: errorText(error).message });
    } finally {
      if (running.current === abort) running.current = null;
    }
  }

  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        className={`${buttonClass} aria-disabled:cursor-wait aria-disabled:opacity-60`}
        aria-disabled={state.kind === 'running'}
        onClick={state.kind === 'running' ? undefined : () => void load()}
      >
        Load all
      </button>
      <span role="status" data-testid="load-all-status">
        {state.kind === 'running' && `Loading all… ${state.rows.toLocaleString('en-US')} rows`}
        {state.kind === 'failed' && (
          <span className="text-red-800 dark:text-red-300">Load all failed: {state.message}</span>
        )}
      </span>
      {state.kind === 'running' && (
        <button type="button" className={ghostButtonClass} onClick={() => running.current?.abort()}>
          Cancel loading
        </button>
      )}
    </span>
  );
}
