'use client';

import { exactTime, relativeTime } from './time-format';
import { useHydrated, useNow } from './use-now';
import { useTimeZone } from './use-preferences';

/**
 * A time in the zone the user chose (Local or UTC), relative ("3 days ago") or exact with the relative time
 * after it; the exact time is always on hover. Until hydration it shows the exact UTC time, which the server
 * and the browser agree on.
 */
export function Timestamp({ value, mode }: { value: string; mode: 'relative' | 'exact' }) {
  const [zone] = useTimeZone();
  const now = useNow();
  const hydrated = useHydrated();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  const exact = exactTime(date, hydrated ? zone : 'utc');
  const shown = !hydrated
    ? exact
    : mode === 'relative'
      ? relativeTime(date, now)
      : `${exact} · ${relativeTime(date, now)}`;
  return (
    <time dateTime={value} title={exact} className="tabular-nums">
      {shown}
    </time>
  );
}
