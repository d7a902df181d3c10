'use client';

import { buttonClass } from '@/components/ui/styles';
import { ApiError } from '@/lib/query/api-error';
import { ErrorNotice } from './table-states';

interface TableFooterProps {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageError: unknown;
  retryLabel: string | null;
  onLoadMore: () => void;
}

export function errorText(error: unknown): { message: string; requestId?: string } {
  if (error instanceof ApiError)
    return { message: `${error.message} (${error.code}, HTTP ${error.status})`, requestId: error.details.requestId };
  return { message: error instanceof Error ? error.message : 'Unknown error' };
}

/** Below the rows: progress, the error of a failed next page (rows stay), and the Load more fallback. */
export function TableFooter({
  hasNextPage,
  isFetchingNextPage,
  nextPageError,
  retryLabel,
  onLoadMore,
}: TableFooterProps) {
  if (nextPageError !== null) {
    const { message, requestId } = errorText(nextPageError);
    return (
      <ErrorNotice
        title="The next page could not be loaded"
        message={message}
        requestId={requestId}
        onRetry={onLoadMore}
      />
    );
  }
  if (!hasNextPage) return null;
  // One button throughout, busy while a page loads, so keyboard focus on it survives the load it starts.
  const loading = isFetchingNextPage ? (retryLabel ?? 'Loading more…') : '';
  return (
    <div className="flex items-center justify-center gap-3 p-3 text-xs text-zinc-600 dark:text-zinc-400">
      <button
        type="button"
        className={buttonClass}
        aria-disabled={isFetchingNextPage}
        onClick={isFetchingNextPage ? undefined : onLoadMore}
      >
        {loading || 'Load more'}
      </button>
      <span role="status" className="sr-only">
        {loading}
      </span>
    </div>
  );
}

interface CountProps {
  loaded: number;
  shown: number;
  complete: boolean;
  /** Sources the last page left out that may still have rows: the rows are not all there. */
  leftOut: number;
  sortedInBrowser: boolean;
  retrying: boolean;
  updating: boolean;
}

function countText(loaded: number, complete: boolean, leftOut: number): string {
  if (!complete) return `${loaded} loaded · more available`;
  if (leftOut > 0) return `${loaded} loaded · ${leftOut === 1 ? 'a source' : `${leftOut} sources`} left out`;
  return `${loaded} total`;
}

export function RowCount({ loaded, shown, complete, leftOut, sortedInBrowser, retrying, updating }: CountProps) {
  if (updating) {
    return (
      <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="row-count" aria-live="polite">
        <span className="font-medium text-zinc-800 dark:text-zinc-200">Updating…</span>
        {retrying && <span className="text-amber-800 dark:text-amber-300"> · retrying…</span>}
      </p>
    );
  }
  return (
    <p
      className="flex flex-wrap items-center gap-x-2 text-xs text-zinc-600 dark:text-zinc-400"
      data-testid="row-count"
      aria-live="polite"
    >
      <span className="font-medium text-zinc-800 dark:text-zinc-200">{countText(loaded, complete, leftOut)}</span>
      {shown !== loaded && <span>· {shown} match the filters applied in the browser</span>}
      {sortedInBrowser && !(complete && leftOut === 0) && <span>· sorted within {loaded} loaded rows</span>}
      {retrying && <span className="text-amber-800 dark:text-amber-300">· retrying…</span>}
    </p>
  );
}
