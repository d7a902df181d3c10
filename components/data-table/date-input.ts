import type { TimeZoneMode } from './use-preferences';

const pad = (value: number) => String(value).padStart(2, '0');

/** The value of an `<input type="datetime-local">` showing `date` in the chosen zone. */
export function toInputValue(date: Date | null, zone: TimeZoneMode): string {
  if (date === null) return '';
  if (zone === 'utc') return date.toISOString().slice(0, 16);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Reads a datetime-local value in the chosen zone; empty means an open end. */
export function fromInputValue(value: string, zone: TimeZoneMode): Date | null | undefined {
  if (value === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const date = new Date(zone === 'utc' ? `${value}Z` : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
