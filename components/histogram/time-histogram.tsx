'use client';

import {
  memo,
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { statusTone, type Tone } from '@/components/ui/status-badge';
import { zoneName } from '@/components/data-table/time-format';
import { focusRing } from '@/components/ui/styles';
import { closedSpan } from './chart-spec';
import { breakdown, histogram, type Bucket, type BucketUnit, type BucketZone } from './bins';

export interface TimeField {
  /** The date-range filter it sets, e.g. `created`. */
  id: string;
  label: string;
  /** The row's field, e.g. `CreationTime`. */
  field: string;
}

export interface Facet {
  /** The filter a segment sets, e.g. `status`. */
  id: string;
  label: string;
  field: string;
  /** The values the API has, in their order. */
  values: readonly string[];
  /** The values the filter is set to now, if any. */
  selected: readonly string[];
  /** The filter takes any value (a name), not only the listed ones. */
  free?: boolean;
}

export interface TimeHistogramProps {
  /** What the rows are, e.g. "Model packages". */
  label: string;
  rows: readonly Record<string, unknown>[];
  /** Every row of the view is loaded. */
  complete: boolean;
  fields: readonly TimeField[];
  fieldId: string;
  onField: (id: string) => void;
  /** What the bars are stacked by. */
  stack: Facet | undefined;
  facets: readonly Facet[];
  /** The view's bounds on the chart's time, either end open: a brushed range stays within them, and with both
   * ends set the bars outside are dimmed. */
  bounds: { start?: number; end?: number };
  /** Where days, weeks and months begin: the zone the table shows its times in. */
  zone: BucketZone;
  onRange: (fieldId: string, start: Date, end: Date) => void;
  /** Sets the facet's filter to the value, or clears it when `clear`. */
  onFacet: (facetId: string, value: string, clear: boolean) => void;
}

/** Shades with at least 3:1 against both the light and the dark background, per tone. */
const PALETTE: Record<Tone, readonly string[]> = {
  good: ['#16a34a', '#15803d'],
  bad: ['#dc2626', '#f43f5e'],
  busy: ['#2563eb', '#6366f1', '#0891b2'],
  wait: ['#d97706', '#b45309'],
  neutral: ['#71717a', '#78716c'],
};

/** Distinct hues for values that are names, not statuses (groups, accounts). */
const CATEGORICAL = ['#2563eb', '#0891b2', '#7c3aed', '#db2777', '#65a30d', '#ea580c', '#4f46e5', '#0d9488'];

function nameColors(values: readonly string[]): Map<string, string> {
  return new Map(
    values.map((value, index) => [
      value,
      value === '' ? '#71717a' : (CATEGORICAL[index % CATEGORICAL.length] ?? '#71717a'),
    ]),
  );
}

/**
 * A color per value: its status's tone, a shade apart from the other values of that tone. The known values come
 * first, so a value has the same color in the chart and in its breakdown whatever else is present.
 */
export function colors(known: readonly string[], present: readonly string[] = []): Map<string, string> {
  const values = [...known, ...present.filter((value) => !known.includes(value)).sort()];
  const used = new Map<Tone, number>();
  return new Map(
    values.map((value) => {
      const tone = statusTone(value);
      const nth = used.get(tone) ?? 0;
      used.set(tone, nth + 1);
      const shades = PALETTE[tone];
      return [value, shades[nth % shades.length] ?? '#71717a'];
    }),
  );
}

interface Labeling {
  unit: BucketUnit;
  zone: BucketZone;
}

function bucketLabel({ unit, zone }: Labeling, bucket: Bucket): string {
  const start = new Date(bucket.start);
  const timeZone = zone === 'utc' ? 'UTC' : undefined;
  const day = { timeZone, day: 'numeric', month: 'short', year: 'numeric' } as const;
  switch (unit) {
    case 'hour':
      // Each hour names its own zone: a span across a change of clocks has hours of both.
      return `${start.toLocaleString('en', { ...day, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })} ${zoneName(zone, start)}`;
    case 'day':
      return start.toLocaleDateString('en', day);
    case 'week':
      return `week of ${start.toLocaleDateString('en', day)}`;
    case 'month':
      return start.toLocaleDateString('en', { timeZone, month: 'long', year: 'numeric' });
    case 'year':
      return start.toLocaleDateString('en', { timeZone, year: 'numeric' });
  }
}

function rangeLabel(labeling: Labeling, first: Bucket, last: Bucket): string {
  return first === last
    ? bucketLabel(labeling, first)
    : `${bucketLabel(labeling, first)} to ${bucketLabel(labeling, last)}`;
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
}

/** The element's width, kept as it changes; a callback ref, so it attaches whenever the element mounts. */
function useWidth(): [(element: HTMLDivElement | null) => void, number] {
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((element: HTMLDivElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (element === null) return;
    const watching = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    watching.observe(element);
    observer.current = watching;
  }, []);
  return [ref, width];
}

const PHONE = '(max-width: 639px)';

/** Whether the screen is phone-sized, as the page's own breakpoint (Tailwind's `sm`) has it. */
function usePhone(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia(PHONE);
      query.addEventListener('change', changed);
      return () => query.removeEventListener('change', changed);
    },
    () => window.matchMedia(PHONE).matches,
    () => false,
  );
}

/** Phone-sized screens get a sparkline of totals. */
const HEIGHT = { full: 96, compact: 32 };

/**
 * How many rows fall in each time bucket of the view's time field, stacked by status, above the table. Dragging
 * across it (or arrows, Shift+arrows and Enter on the keyboard; a click for one bar) sets that span as the view's
 * date filter; the breakdowns below set a status or approval filter.
 */
export const TimeHistogram = memo(function TimeHistogram(props: TimeHistogramProps) {
  const { label, rows, complete, fields, fieldId, onField, stack, facets, bounds, zone, onRange, onFacet } = props;
  const field = fields.find((candidate) => candidate.id === fieldId) ?? fields[0];
  const chart = useMemo(
    () => histogram(rows, field?.field ?? '', stack?.field, stack?.values, zone),
    [rows, field, stack, zone],
  );
  const palette = useMemo(() => colors(stack?.values ?? [], chart.groups), [stack, chart.groups]);
  const [wrapRef, width] = useWidth();
  const compact = usePhone();
  const height = compact ? HEIGHT.compact : HEIGHT.full;
  const { buckets, unit } = chart;
  const labeling = { unit, zone };
  // The zone's names over the span, "PST/PDT" across a change of clocks.
  const zoneLabel = useMemo(() => {
    const names = new Set(buckets.map((bucket) => zoneName(zone, new Date(bucket.start))));
    return names.size === 0 ? zoneName(zone) : [...names].join('/');
  }, [buckets, zone]);
  const count = buckets.length;
  const [cursor, setCursor] = useState<number | null>(null);
  const [anchor, setAnchor] = useState<number | null>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  /** The pointer dragging, and the start of the bucket it went down on (buckets may change under it). */
  const dragging = useRef<{ pointer: number; from: number } | null>(null);
  const [keyed, setKeyed] = useState(false);
  const ids = { caption: useId(), hint: useId() };

  // A new set of buckets (another time field, more rows) starts the keyboard's selection afresh.
  const shape = `${zone}:${unit}:${buckets[0]?.start ?? ''}:${count}`;
  const [seenShape, setSeenShape] = useState(shape);
  if (seenShape !== shape) {
    setSeenShape(shape);
    setCursor(null);
    setAnchor(null);
    setDrag(null);
  }

  if (field === undefined) return null;
  const peak = Math.max(1, ...buckets.map((bucket) => bucket.total));
  const barWidth = count === 0 ? 0 : width / count;
  const indexAt = (clientX: number, element: Element) => {
    const box = element.getBoundingClientRect();
    return Math.min(count - 1, Math.max(0, Math.floor(((clientX - box.left) / Math.max(1, box.width)) * count)));
  };
  // The first and last bucket reach past the view's own range when it does not start or end on a bucket's
  // edge: what is brushed is kept within it, so a filter set from the chart never widens the view.
  const apply = (from: number, to: number) => {
    const first = buckets[Math.min(from, to)];
    const last = buckets[Math.max(from, to)];
    if (first === undefined || last === undefined) return;
    const start = Math.max(first.start, bounds.start ?? -Infinity);
    const end = Math.min(last.end, bounds.end ?? Infinity);
    // A bucket wholly at the view's end (a row created exactly then, which the image APIs count) is that instant.
    if (start <= end) onRange(field.id, new Date(start), new Date(end));
  };

  const marked =
    drag !== null
      ? { from: Math.min(drag.from, drag.to), to: Math.max(drag.from, drag.to) }
      : cursor !== null
        ? { from: Math.min(anchor ?? cursor, cursor), to: Math.max(anchor ?? cursor, cursor) }
        : undefined;
  const markedRows =
    marked === undefined ? 0 : buckets.slice(marked.from, marked.to + 1).reduce((sum, bucket) => sum + bucket.total, 0);
  const firstMarked = marked === undefined ? undefined : buckets[marked.from];
  const lastMarked = marked === undefined ? undefined : buckets[marked.to];
  // Only what the keyboard marks is read out: a pointer's drag would speak at every bucket it crosses.
  const announcement =
    !keyed || drag !== null || firstMarked === undefined || lastMarked === undefined
      ? ''
      : `${rangeLabel(labeling, firstMarked, lastMarked)}: ${plural(markedRows, 'row')}. Enter filters to it.`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (count === 0) return;
    const moves: Record<string, (at: number) => number> = {
      ArrowLeft: (at) => at - 1,
      ArrowRight: (at) => at + 1,
      Home: () => 0,
      End: () => count - 1,
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      const from = cursor ?? (event.key === 'ArrowLeft' ? count : -1);
      const next = Math.min(count - 1, Math.max(0, move(from)));
      setKeyed(true);
      setCursor(next);
      if (!event.shiftKey || anchor === null) setAnchor(event.shiftKey ? (cursor ?? next) : next);
      return;
    }
    if (event.key === 'Enter' && cursor !== null) {
      event.preventDefault();
      apply(anchor ?? cursor, cursor);
    } else if (event.key === 'Escape' && cursor !== null) {
      event.preventDefault();
      setCursor(null);
      setAnchor(null);
    }
  };
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (count === 0 || event.button !== 0 || !event.isPrimary) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const at = indexAt(event.clientX, event.currentTarget);
    dragging.current = { pointer: event.pointerId, from: buckets[at]?.start ?? 0 };
    setKeyed(false);
    setDrag({ from: at, to: at });
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const held = dragging.current;
    if (held === null || held.pointer !== event.pointerId) return;
    const at = indexAt(event.clientX, event.currentTarget);
    const from = buckets.findIndex((bucket) => bucket.start === held.from);
    if (from >= 0)
      setDrag((shown) => (shown !== null && shown.from === from && shown.to === at ? shown : { from, to: at }));
  };
  const onPointerUp = (event: PointerEvent<SVGSVGElement>) => {
    const held = dragging.current;
    if (held === null || held.pointer !== event.pointerId) return;
    dragging.current = null;
    setDrag(null);
    const from = buckets.findIndex((bucket) => bucket.start === held.from);
    if (from >= 0) apply(from, indexAt(event.clientX, event.currentTarget));
  };
  const cancelDrag = () => {
    dragging.current = null;
    setDrag(null);
  };

  const whole = complete
    ? `all ${plural(chart.counted, 'row')}`
    : `${chart.counted.toLocaleString('en')} of the loaded rows`;
  const name =
    `${label} by ${field.label.toLowerCase()} time, per ${unit}` +
    (stack === undefined ? '' : `, by ${stack.label.toLowerCase()}`) +
    `: ${whole}`;
  const first = buckets[0];
  const last = buckets.at(-1);

  const selected = closedSpan(bounds);
  const inSelection = (bucket: Bucket) =>
    selected !== undefined && bucket.start < selected.end && bucket.end > selected.start;

  const caption =
    `${field.label} per ${unit} (${zoneLabel}) · ` +
    (complete ? `all ${plural(chart.counted, 'row')} loaded` : `of ${plural(chart.counted, 'loaded row')}`) +
    (chart.undated > 0 ? ` · ${chart.undated.toLocaleString('en')} without a time` : '');
  return (
    <figure
      className="flex flex-col gap-1 px-3 py-2"
      aria-labelledby={ids.caption}
      data-testid="time-histogram"
      data-unit={unit}
    >
      <div className="flex items-center justify-between gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <figcaption id={ids.caption} className="min-w-0 truncate" title={caption}>
          {caption}
        </figcaption>
        {fields.length > 1 && (
          <label className="flex shrink-0 items-center gap-1">
            Time
            <select
              value={field.id}
              onChange={(event) => onField(event.target.value)}
              className={`rounded border border-zinc-300 bg-white px-1 py-0.5 dark:border-zinc-700 dark:bg-zinc-900 ${focusRing}`}
            >
              {fields.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div
        ref={wrapRef}
        tabIndex={0}
        role="application"
        aria-roledescription="time histogram"
        aria-label={`Time histogram of ${label.toLowerCase()}`}
        aria-describedby={ids.hint}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setCursor(null);
          setAnchor(null);
        }}
        className={`relative w-full rounded ${focusRing}`}
        style={{ height }}
      >
        {width > 0 && (
          <svg
            role="img"
            aria-label={name}
            width={width}
            height={height}
            className="block cursor-crosshair touch-pan-y select-none"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={cancelDrag}
            onLostPointerCapture={cancelDrag}
          >
            {buckets.map((bucket, index) => {
              const x = index * barWidth;
              const gap = barWidth > 4 ? 1 : 0;
              const highlighted = inSelection(bucket);
              if (compact) {
                const barHeight = (bucket.total / peak) * (height - 2);
                return (
                  <rect
                    key={bucket.start}
                    x={x}
                    y={height - barHeight}
                    width={Math.max(0.5, barWidth - gap)}
                    height={barHeight}
                    className={highlighted ? 'fill-blue-600 dark:fill-blue-400' : 'fill-zinc-500 dark:fill-zinc-400'}
                  >
                    <title>{`${bucketLabel(labeling, bucket)}: ${plural(bucket.total, 'row')}`}</title>
                  </rect>
                );
              }
              let top = height;
              return (
                <g key={bucket.start} opacity={selected === undefined || highlighted ? 1 : 0.45}>
                  <title>
                    {`${bucketLabel(labeling, bucket)}: ${plural(bucket.total, 'row')}` +
                      bucket.counts
                        .map((value, group) => (value === 0 ? '' : `, ${chart.groups[group] || '(none)'} ${value}`))
                        .join('')}
                  </title>
                  {bucket.counts.map((value, group) => {
                    if (value === 0) return null;
                    const barHeight = (value / peak) * (height - 4);
                    top -= barHeight;
                    const groupName = chart.groups[group] ?? '';
                    return (
                      <rect
                        key={groupName}
                        x={x}
                        y={top}
                        width={Math.max(0.5, barWidth - gap)}
                        height={barHeight}
                        fill={palette.get(groupName) ?? '#71717a'}
                      />
                    );
                  })}
                </g>
              );
            })}
            {marked !== undefined && (
              <rect
                x={marked.from * barWidth}
                y={0}
                width={(marked.to - marked.from + 1) * barWidth}
                height={height}
                className="fill-blue-500/15 stroke-blue-600 dark:fill-blue-400/20 dark:stroke-blue-400"
                strokeWidth={1}
                data-testid="histogram-selection"
              />
            )}
          </svg>
        )}
      </div>
      <p id={ids.hint} className="sr-only">
        Drag across the chart, or use the arrow keys, Shift with arrows to extend, and Enter, to filter the table to
        that time.
      </p>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {first !== undefined && last !== undefined && (
        <div className="flex justify-between text-[11px] text-zinc-600 tabular-nums dark:text-zinc-400">
          <span>{bucketLabel(labeling, first)}</span>
          {firstMarked !== undefined && lastMarked !== undefined && (
            <span aria-hidden="true" className="text-blue-700 dark:text-blue-300">
              {rangeLabel(labeling, firstMarked, lastMarked)} · {plural(markedRows, 'row')}
            </span>
          )}
          <span>{bucketLabel(labeling, last)}</span>
        </div>
      )}
      {!compact && stack !== undefined && chart.groups.length > 0 && (
        <ul
          className="flex flex-wrap gap-x-3 gap-y-0.5 text-[11px] text-zinc-700 dark:text-zinc-300"
          aria-hidden="true"
        >
          {chart.groups.map((group) => (
            <li key={group} className="flex items-center gap-1">
              <span className="inline-block size-2 rounded-sm" style={{ background: palette.get(group) }} />
              {group || '(none)'}
            </li>
          ))}
        </ul>
      )}
      {/* A table grows to its cells whatever its own width, so the box that hides it is a div. */}
      <div className="sr-only">
        <table>
          <caption>{name}</caption>
          <thead>
            <tr>
              <th scope="col">{unit}</th>
              {stack !== undefined &&
                chart.groups.map((group) => (
                  <th key={group} scope="col">
                    {group || '(none)'}
                  </th>
                ))}
              <th scope="col">Rows</th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((bucket) => (
              <tr key={bucket.start} data-start={new Date(bucket.start).toISOString()}>
                <th scope="row">{bucketLabel(labeling, bucket)}</th>
                {stack !== undefined && bucket.counts.map((value, group) => <td key={chart.groups[group]}>{value}</td>)}
                <td>{bucket.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {facets.map((facet) => (
        <Breakdown key={facet.id} facet={facet} rows={rows} onFacet={onFacet} />
      ))}
    </figure>
  );
});

/** Segments a breakdown shows before it sums the rest as "others". */
const MAX_SEGMENTS = 8;
const OTHERS = '\u0000others';

function Breakdown({
  facet,
  rows,
  onFacet,
}: {
  facet: Facet;
  rows: readonly Record<string, unknown>[];
  onFacet: (facetId: string, value: string, clear: boolean) => void;
}) {
  const parts = useMemo(() => {
    const all = breakdown(rows, facet.field, facet.values);
    if (all.length <= MAX_SEGMENTS) return all;
    const rest = all.slice(MAX_SEGMENTS - 1).reduce((sum, part) => sum + part.count, 0);
    return [...all.slice(0, MAX_SEGMENTS - 1), { value: OTHERS, count: rest }];
  }, [rows, facet]);
  const palette = useMemo(() => {
    const present = parts.map((part) => part.value).filter((value) => value !== OTHERS);
    return facet.free === true || facet.id === 'account' ? nameColors(present) : colors(facet.values, present);
  }, [facet, parts]);
  const total = parts.reduce((sum, part) => sum + part.count, 0);
  if (total === 0) return null;
  return (
    <div className="flex items-center gap-2">
      <span aria-hidden="true" className="w-16 shrink-0 truncate text-[11px] text-zinc-600 dark:text-zinc-400">
        {facet.label}
      </span>
      <div
        role="group"
        aria-label={`${facet.label} of the rows`}
        className="flex min-w-0 flex-1 overflow-hidden rounded text-[11px]"
      >
        {parts.map((part) => {
          const chosen = facet.selected.includes(part.value);
          const filterable =
            part.value !== '' && part.value !== OTHERS && (facet.free === true || facet.values.includes(part.value));
          const shown = part.value === OTHERS ? 'others' : part.value || '(none)';
          return (
            <button
              key={part.value}
              type="button"
              disabled={!filterable}
              aria-pressed={chosen}
              title={`${facet.label}: ${shown}, ${plural(part.count, 'row')}`}
              onClick={() => onFacet(facet.id, part.value, chosen)}
              className={`flex min-h-6 min-w-6 items-center gap-1 truncate border-r border-white px-1.5 py-0.5 text-left text-zinc-950 last:border-r-0 dark:border-zinc-950 ${focusRing} focus-visible:ring-inset focus-visible:ring-offset-0`}
              style={{ flexGrow: part.count, flexBasis: 0, background: `${palette.get(part.value) ?? '#71717a'}33` }}
            >
              <span
                className="inline-block size-2 shrink-0 rounded-sm"
                style={{ background: palette.get(part.value) }}
              />
              <span className="truncate dark:text-zinc-100">
                {shown} {part.count.toLocaleString('en')}
              </span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
