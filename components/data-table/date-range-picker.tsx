'use client';

import { useId, useState } from 'react';
import { buttonClass, ghostButtonClass, inputClass, primaryButtonClass } from '@/components/ui/styles';
import type { FilterSpec } from '@/lib/resources/types';
import { FilterPopover } from './filter-popover';
import { parseDuration, serializeRange, type DateRange } from '@/lib/url/range';
import { formatBound, parseBound } from './date-input';
import { zoneName } from './time-format';
import { useHydrated } from './use-now';
import { useTimeZone, type TimeZoneMode } from './use-preferences';

const PRESETS = [
  ['PT1H', '1 h'],
  ['PT24H', '24 h'],
  ['P7D', '7 d'],
  ['P30D', '30 d'],
  ['P90D', '90 d'],
] as const;

interface DateRangePickerProps {
  filter: Extract<FilterSpec, { kind: 'dateRange' }>;
  value: DateRange | null;
  onChange: (value: DateRange | null) => void;
}

/** The range in words, bounds written as they are typed into the custom range, naming the zone. */
export function describeRange(range: DateRange | null, zone: TimeZoneMode): string {
  if (range === null) return 'Any time';
  if (range.kind === 'relative') {
    const preset = PRESETS.find(([duration]) => duration === range.duration);
    return `Last ${preset?.[1] ?? range.duration}`;
  }
  const bound = (date: Date | null) => (date === null ? '…' : formatBound(date, zone));
  return `${bound(range.start)} – ${bound(range.end)} ${zoneName(zone, range.start ?? range.end ?? undefined)}`;
}

function CustomRange({
  value,
  zone,
  onApply,
}: {
  value: DateRange | null;
  zone: TimeZoneMode;
  onApply: (range: DateRange) => void;
}) {
  const id = useId();
  const absolute = value?.kind === 'absolute' ? value : null;
  const [from, setFrom] = useState(formatBound(absolute?.start ?? null, zone));
  const [to, setTo] = useState(formatBound(absolute?.end ?? null, zone));
  const start = parseBound(from, zone, 'start');
  const end = parseBound(to, zone, 'end');
  const zoneLabel = zoneName(zone);
  const problem =
    start === undefined || end === undefined
      ? 'Write a time as 2026-01-31 or 2026-01-31 23:59.'
      : start === null && end === null
        ? 'Enter at least one end.'
        : start !== null && end !== null && start > end
          ? 'The start is after the end.'
          : null;
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (problem === null && start !== undefined && end !== undefined) onApply({ kind: 'absolute', start, end });
      }}
    >
      <p id={`${id}-hint`} className="text-[11px] text-zinc-600 dark:text-zinc-400">
        Custom range in {zoneLabel}, as 2026-01-31 or 2026-01-31 23:59; the end includes the whole day or minute. Leave
        an end empty to keep it open.
      </p>
      <div className="grid grid-cols-[auto_1fr] items-center gap-1.5">
        <label htmlFor={`${id}-from`}>From ({zoneLabel})</label>
        <input
          id={`${id}-from`}
          type="text"
          value={from}
          placeholder="2026-01-31 00:00"
          spellCheck={false}
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          onChange={(event) => setFrom(event.target.value)}
          className={inputClass}
        />
        <label htmlFor={`${id}-to`}>To ({zoneLabel})</label>
        <input
          id={`${id}-to`}
          type="text"
          value={to}
          placeholder="2026-01-31 23:59"
          spellCheck={false}
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          onChange={(event) => setTo(event.target.value)}
          className={inputClass}
        />
      </div>
      {problem !== null && (from !== '' || to !== '') && (
        <p className="text-[11px] text-red-700 dark:text-red-300">{problem}</p>
      )}
      <button type="submit" className={`${primaryButtonClass} self-end`} disabled={problem !== null}>
        Apply
      </button>
    </form>
  );
}

export function DateRangePicker({ filter, value, onChange }: DateRangePickerProps) {
  const [zone] = useTimeZone();
  // The server knows neither the browser's zone nor its choice: the first render says UTC, as the cells do.
  const shownZone = useHydrated() ? zone : 'utc';
  const summary = describeRange(value, shownZone);
  return (
    <FilterPopover label={filter.label} summary={summary} noun="range">
      {(close) => (
        <div className="flex w-72 flex-col gap-3">
          <div role="group" aria-label="Presets" className="flex flex-wrap gap-1">
            {PRESETS.map(([duration, label]) => {
              const active = value?.kind === 'relative' && value.duration === duration;
              return (
                <button
                  key={duration}
                  type="button"
                  aria-pressed={active}
                  className={active ? primaryButtonClass : buttonClass}
                  onClick={() => {
                    const parsed = parseDuration(duration);
                    if (parsed !== undefined) onChange({ kind: 'relative', ...parsed });
                    close();
                  }}
                >
                  Last {label}
                </button>
              );
            })}
          </div>
          <CustomRange
            key={`${shownZone} ${value === null ? '' : serializeRange(value)}`}
            value={value}
            zone={shownZone}
            onApply={(range) => {
              onChange(range);
              close();
            }}
          />
          <button
            type="button"
            className={`${ghostButtonClass} self-start`}
            onClick={() => {
              onChange(null);
              close();
            }}
          >
            Clear {filter.label.toLowerCase()} range
          </button>
        </div>
      )}
    </FilterPopover>
  );
}
