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
    if (Math.abs(diff) >= ms) return relative.format(Math.sign(diff) * Math.round(Math.abs(diff) / ms), unit);
  }
  return 'just now';
}

const FIELDS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
};
const formats = {
  utc: new Intl.DateTimeFormat('en-US', { ...FIELDS, timeZone: 'UTC' }),
  local: new Intl.DateTimeFormat('en-US', FIELDS),
};

/** The name of the chosen zone, as every time and date input of the app shows it: "UTC", "GMT+1", "PST". */
export function zoneName(zone: TimeZoneMode, at: Date = new Date()): string {
  if (zone === 'utc') return 'UTC';
  return formats.local.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? 'local time';
}

/** `2026-03-12 14:03` (or with `:ss`) in the chosen zone, the one way the app writes a time. */
export function wallClock(date: Date, zone: TimeZoneMode, seconds = true): string {
  const parts = Object.fromEntries(formats[zone].formatToParts(date).map((part) => [part.type, part.value]));
  const time = `${parts.hour}:${parts.minute}${seconds ? `:${parts.second}` : ''}`;
  return `${parts.year}-${parts.month}-${parts.day} ${time}`;
}

/** `2026-03-12 14:03:11 UTC`: the exact time, naming its zone. */
export function exactTime(date: Date, zone: TimeZoneMode): string {
  return `${wallClock(date, zone)} ${zoneName(zone, date)}`;
}
