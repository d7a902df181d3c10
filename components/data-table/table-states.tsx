import { buttonClass } from '@/components/ui/styles';

export function TableSkeleton({ rows = 12 }: { rows?: number }) {
  return (
    <div
      aria-busy="true"
      aria-label="Loading rows"
      role="status"
      className="flex flex-col gap-px p-3"
      data-testid="table-skeleton"
    >
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="h-7 animate-pulse rounded bg-zinc-200/70 dark:bg-zinc-800" />
      ))}
    </div>
  );
}

interface EmptyStateProps {
  label: string;
  filtered: boolean;
  onClear: () => void;
}

export function EmptyState({ label, filtered, onClear }: EmptyStateProps) {
  return (
    <div role="status" data-testid="empty-state" className="flex flex-col items-center gap-2 px-4 py-16 text-center">
      <p className="text-sm font-medium">
        {filtered ? `No ${label.toLowerCase()} match these filters` : `No ${label.toLowerCase()} exist here yet`}
      </p>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {filtered ? 'Widen or clear the filters to see more.' : 'Nothing was returned for this account and region.'}
      </p>
      {filtered && (
        <button type="button" className={buttonClass} onClick={onClear}>
          Clear filters
        </button>
      )}
    </div>
  );
}

interface ErrorNoticeProps {
  title: string;
  message: string;
  requestId?: string;
  onRetry?: () => void;
}

export function ErrorNotice({ title, message, requestId, onRetry }: ErrorNoticeProps) {
  return (
    <div
      role="alert"
      data-testid="table-error"
      className="m-3 flex items-start gap-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-xs text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <div className="flex-1">
        <p className="font-semibold">{title}</p>
        <p>{message}</p>
        {requestId !== undefined && <p className="mt-0.5 font-mono text-[11px] opacity-80">Request ID {requestId}</p>}
      </div>
      {onRetry !== undefined && (
        <button type="button" className={buttonClass} onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
