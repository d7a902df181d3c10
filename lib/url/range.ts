import { parseInstant } from '@/lib/resources/constraints';

/** A date range from the URL: a duration ("the last …", relative to when a listing starts) or an interval. */
export type DateRange =
  { kind: 'relative'; duration: string; ms: number } | { kind: 'absolute'; start: Date | null; end: Date | null };

export interface ResolvedRange {
  after?: Date;
  before?: Date;
}

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const UNIT_MS = [7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000] as const;
const OPEN = '..';
/** A century: longer ranges reach before any listing and past what a date can hold. */
export const MAX_DURATION_MS = 36_525 * 86_400_000;

export function parseDuration(value: string): { duration: string; ms: number } | undefined {
  const upper = value.toUpperCase();
  const match = DURATION.exec(upper);
  if (match === null || upper.endsWith('T')) return undefined;
  const ms = UNIT_MS.reduce((sum, unit, index) => sum + Number(match[index + 1] ?? 0) * unit, 0);
  return ms > 0 && ms <= MAX_DURATION_MS ? { duration: upper, ms } : undefined;
}

function parseBound(value: string): Date | null | undefined {
  return value === OPEN || value === '' ? null : parseInstant(value);
}

export function parseRange(value: string): DateRange | undefined {
  const relative = parseDuration(value);
  if (relative !== undefined) return { kind: 'relative', ...relative };
  const parts = value.split('/');
  if (parts.length !== 2) return undefined;
  const start = parseBound(parts[0] ?? '');
  const end = parseBound(parts[1] ?? '');
  if (start === undefined || end === undefined || (start === null && end === null)) return undefined;
  if (start !== null && end !== null && start.getTime() > end.getTime()) return undefined;
  return { kind: 'absolute', start, end };
}

export function formatInstant(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

export function serializeRange(range: DateRange): string {
  if (range.kind === 'relative') return range.duration;
  const bound = (date: Date | null) => (date === null ? OPEN : formatInstant(date));
  return `${bound(range.start)}/${bound(range.end)}`;
}

export function resolveRange(range: DateRange, now: number): ResolvedRange {
  if (range.kind === 'relative') return { after: new Date(now - range.ms) };
  return {
    ...(range.start === null ? {} : { after: range.start }),
    ...(range.end === null ? {} : { before: range.end }),
  };
}

export function rangesEqual(a: DateRange | null, b: DateRange | null): boolean {
  if (a === null || b === null) return a === b;
  return serializeRange(a) === serializeRange(b);
}
