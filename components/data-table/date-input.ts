import { wallClock } from './time-format';
import type { TimeZoneMode } from './use-preferences';

const TYPED = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const UNIT_MS = { minute: 60_000, second: 1000 } as const;

/**
 * A custom range bound as typed, `2026-01-31`, `2026-01-31 23:59` or `2026-01-31 23:59:30`, in the chosen zone.
 * A start is the first instant of what was typed; an end covers all of it, so "to 23:59" includes 23:59:59.
 * Empty is an open end (null); anything else that is not a real time is undefined.
 */
export function parseBound(text: string, zone: TimeZoneMode, side: 'start' | 'end'): Date | null | undefined {
  const value = text.trim();
  if (value === '') return null;
  const match = TYPED.exec(value);
  if (match === null) return undefined;
  const field = (index: number) => Number(match[index] ?? 0);
  const [year, month, day, hour, minute, second] = [field(1), field(2), field(3), field(4), field(5), field(6)];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const date =
    zone === 'utc'
      ? new Date(Date.UTC(year, month - 1, day, hour, minute, second))
      : new Date(year, month - 1, day, hour, minute, second);
  const calendar =
    zone === 'utc'
      ? [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]
      : [date.getFullYear(), date.getMonth() + 1, date.getDate()];
  if (calendar[0] !== year || calendar[1] !== month || calendar[2] !== day) return undefined;
  if (side === 'start') return date;
  if (match[4] === undefined) {
    // The next midnight, not 24 hours on: a day with a daylight-saving change is 23 or 25 hours long.
    const next = zone === 'utc' ? new Date(Date.UTC(year, month - 1, day + 1)) : new Date(year, month - 1, day + 1);
    return new Date(next.getTime() - 1);
  }
  return new Date(date.getTime() + (match[6] === undefined ? UNIT_MS.minute : UNIT_MS.second) - 1);
}

/** A bound as the user would type it: to the minute, or to the second when it has seconds of its own. */
export function formatBound(date: Date | null, zone: TimeZoneMode): string {
  if (date === null) return '';
  const withinMinute = date.getTime() % 60_000;
  return wallClock(date, zone, withinMinute !== 0 && withinMinute !== 59_999);
}
