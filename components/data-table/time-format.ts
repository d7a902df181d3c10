import type { TimeZoneMode } from './use-preferences';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });

export function relativeTime(date: Date, now: number): string {
  const diff = date.getTime() - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return relative.format(Math.round(diff / ms), unit);
  }
  return 'just now';
}

const fields: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
};
const formats = {
  utc: new Intl.DateTimeFormat('en-GB', { ...fields, timeZone: 'UTC' }),
  local: new Intl.DateTimeFormat('en-GB', { ...fields, timeZoneName: 'short' }),
};

export function exactTime(date: Date, zone: TimeZoneMode): string {
  return zone === 'utc' ? `${formats.utc.format(date)} UTC` : formats.local.format(date);
}
