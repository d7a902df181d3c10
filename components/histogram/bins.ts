import {
  timeDay,
  timeHour,
  timeMonday,
  timeMonth,
  timeYear,
  utcDay,
  utcHour,
  utcMonday,
  utcMonth,
  utcYear,
  type CountableTimeInterval,
} from 'd3-time';

export type BucketUnit = 'hour' | 'day' | 'week' | 'month' | 'year';

/** Buckets begin at midnight, on Monday, on the first of the month, in this zone: the browser's, or UTC. */
export type BucketZone = 'local' | 'utc';

const INTERVALS: Record<BucketZone, Record<BucketUnit, CountableTimeInterval>> = {
  utc: { hour: utcHour, day: utcDay, week: utcMonday, month: utcMonth, year: utcYear },
  local: { hour: timeHour, day: timeDay, week: timeMonday, month: timeMonth, year: timeYear },
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The bucket a span is counted in: about 120 bars at most, from hours (two days) to months (ten years); a longer
 * span, such as one old row among this year's, is counted per year.
 */
export function unitFor(spanMs: number): BucketUnit {
  if (spanMs <= 2 * DAY_MS) return 'hour';
  if (spanMs <= 90 * DAY_MS) return 'day';
  if (spanMs <= 730 * DAY_MS) return 'week';
  if (spanMs <= 3_653 * DAY_MS) return 'month';
  return 'year';
}

export interface Bucket {
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive: the next bucket's start. */
  end: number;
  /** Rows per group, in the order of `groups`. */
  counts: number[];
  total: number;
}

export interface Histogram {
  unit: BucketUnit;
  buckets: Bucket[];
  /** The groups bars are stacked by, in a stable order: the spec's own, then any others by name. */
  groups: string[];
  /** Rows counted; rows without a time are left out. */
  counted: number;
  /** Rows left out because they have no (valid) time. */
  undated: number;
}

/** The bucket of `unit` that holds `at`. */
export function bucketOf(unit: BucketUnit, at: number, zone: BucketZone = 'utc'): { start: number; end: number } {
  const interval = INTERVALS[zone][unit];
  const start = interval.floor(new Date(at));
  return { start: start.getTime(), end: interval.offset(start, 1).getTime() };
}

/**
 * Counts rows per bucket of the time in `field`, stacked by the value in `group`. Every bucket between the first
 * and the last row's is there, empty ones included, so bars sit where their time is.
 */
export function histogram(
  rows: readonly Record<string, unknown>[],
  field: string,
  group: string | undefined,
  knownGroups: readonly string[] = [],
  zone: BucketZone = 'utc',
): Histogram {
  const dated: { at: number; group: string }[] = [];
  let undated = 0;
  for (const row of rows) {
    const raw = row[field];
    const at = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
    if (Number.isNaN(at)) undated += 1;
    else dated.push({ at, group: group === undefined ? '' : String(row[group] ?? '') });
  }
  const seen = new Set(dated.map((entry) => entry.group));
  const groups = [
    ...knownGroups.filter((name) => seen.has(name)),
    ...[...seen].filter((name) => !knownGroups.includes(name)).sort(),
  ];
  if (dated.length === 0) return { unit: 'day', buckets: [], groups, counted: 0, undated };

  let first = Infinity;
  let last = -Infinity;
  for (const { at } of dated) {
    if (at < first) first = at;
    if (at > last) last = at;
  }
  const unit = unitFor(last - first);
  const interval = INTERVALS[zone][unit];
  const starts = interval.range(interval.floor(new Date(first)), interval.offset(interval.floor(new Date(last)), 1));
  const buckets: Bucket[] = starts.map((start) => ({
    start: start.getTime(),
    end: interval.offset(start, 1).getTime(),
    counts: groups.map(() => 0),
    total: 0,
  }));
  const index = new Map(groups.map((name, position) => [name, position]));
  const origin = interval.floor(new Date(first));
  for (const { at, group: name } of dated) {
    const bucket = buckets[interval.count(origin, new Date(at))];
    const position = index.get(name);
    if (bucket === undefined || position === undefined) continue;
    bucket.counts[position] = (bucket.counts[position] ?? 0) + 1;
    bucket.total += 1;
  }
  return { unit, buckets, groups, counted: dated.length, undated };
}

/** Counts per group over all rows, largest first, for the breakdown bar. */
export function breakdown(
  rows: readonly Record<string, unknown>[],
  field: string,
  knownGroups: readonly string[] = [],
): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = String(row[field] ?? '');
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const order = (value: string) => {
    const known = knownGroups.indexOf(value);
    return known < 0 ? knownGroups.length : known;
  };
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || order(a.value) - order(b.value) || (a.value < b.value ? -1 : 1));
}
