'use client';

import { RefreshIcon } from '@/components/ui/icons';
import { buttonClass, inputClass, primaryButtonClass } from '@/components/ui/styles';
import { REFRESH_CHOICES, refreshInterval, type RefreshInterval } from '@/lib/url/refresh';
import { exactTime, relativeTime } from './time-format';
import { useHydrated, useNow } from './use-now';
import { useTimeZone } from './use-preferences';

const CHOICE_LABELS: Record<RefreshInterval, string> = {
  '30s': 'every 30 s',
  '1m': 'every minute',
  '5m': 'every 5 min',
  '15m': 'every 15 min',
};

/** "Updated 3 min ago", the exact time on hover: when the listing's first page was loaded. */
export function UpdatedAt({ at }: { at: number }) {
  const [zone] = useTimeZone();
  const now = useNow();
  const hydrated = useHydrated();
  const date = new Date(at);
  // The shared clock ticks every 30 s; a load after its last tick is "just now", not in the future. Until
  // hydration the page was loaded just now, in UTC, which the server and the browser agree on.
  const shown = relativeTime(date, hydrated ? Math.max(now, at) : at);
  return (
    <time
      dateTime={date.toISOString()}
      title={exactTime(date, hydrated ? zone : 'utc')}
      data-testid="updated-at"
      className="tabular-nums"
    >
      Updated {shown}
    </time>
  );
}

interface RefreshControlsProps {
  refreshing: boolean;
  onRefresh: () => void;
  interval: RefreshInterval | undefined;
  onInterval: (interval: RefreshInterval | null) => void;
}

/** Refresh now, and the auto-refresh choice that `refresh=` keeps in the URL. */
export function RefreshControls({ refreshing, onRefresh, interval, onInterval }: RefreshControlsProps) {
  return (
    <div className="flex items-center gap-1">
      <button type="button" className={buttonClass} onClick={onRefresh} disabled={refreshing} aria-busy={refreshing}>
        <RefreshIcon />
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
      <select
        aria-label="Auto-refresh"
        title="Look for new rows on a schedule"
        className={`${inputClass} pr-6`}
        value={interval ?? ''}
        onChange={(event) => onInterval(refreshInterval(event.target.value) ?? null)}
      >
        <option value="">Auto-refresh off</option>
        {REFRESH_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            Check {CHOICE_LABELS[choice]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "3 new": rows newer than every loaded one showed up in the polled first page; a click brings them in. */
export function NewRowsButton({ count, more, onShow }: { count: number; more: boolean; onShow: () => void }) {
  if (count === 0) return null;
  return (
    <button type="button" className={primaryButtonClass} onClick={onShow} data-testid="new-rows">
      {more ? `${count}+ new` : `${count} new`}
    </button>
  );
}
