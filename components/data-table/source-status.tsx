'use client';

import { ghostButtonClass } from '@/components/ui/styles';
import type { SourceStatus } from '@/lib/resources/page';

interface SourceStatusChipsProps {
  statuses: readonly SourceStatus[];
  retrying: boolean;
  onRetry: () => void;
}

function where(status: SourceStatus): string {
  const account = status.accountId === undefined ? status.account : `${status.account} (${status.accountId})`;
  return `${account} · ${status.region}`;
}

/**
 * The sources the last page was listed without, each with its error and a Retry that lists again from the
 * first page; the rows of the others stay on screen meanwhile.
 */
export function SourceStatusChips({ statuses, retrying, onRetry }: SourceStatusChipsProps) {
  const failing = statuses.filter((status) => status.status !== 'ok');
  if (failing.length === 0) return null;
  return (
    <div role="status">
      <ul aria-label="Sources left out" className="flex flex-wrap gap-2">
        {failing.map((status) => {
          const throttled = status.status === 'throttled';
          return (
            <li
              key={`${status.account}/${status.region}`}
              data-testid="source-status"
              className={`flex max-w-full items-center gap-2 rounded border px-2 py-1 text-xs ${
                throttled
                  ? 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100'
                  : 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100'
              }`}
            >
              <span className="min-w-0 [overflow-wrap:anywhere]">
                <span className="font-semibold">{where(status)}</span>
                {throttled ? ' is throttled' : ' failed'}
                {status.error !== undefined && (
                  <>
                    : {status.error.message} <span className="opacity-80">({status.error.code})</span>
                  </>
                )}
              </span>
              <button
                type="button"
                className={ghostButtonClass}
                onClick={onRetry}
                disabled={retrying}
                aria-label={`Retry ${where(status)}`}
              >
                {retrying ? 'Retrying…' : 'Retry'}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
