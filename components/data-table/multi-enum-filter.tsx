'use client';

import { StatusBadge } from '@/components/ui/status-badge';
import { focusRing, ghostButtonClass } from '@/components/ui/styles';
import type { FilterSpec } from '@/lib/resources/types';
import { FilterPopover } from './filter-popover';

interface MultiEnumFilterProps {
  filter: Extract<FilterSpec, { kind: 'multiEnum' }>;
  value: readonly string[];
  onChange: (value: readonly string[] | null) => void;
}

/** Multi-select over the loaded rows; the API has no such filter. */
export function MultiEnumFilter({ filter, value, onChange }: MultiEnumFilterProps) {
  const summary = value.length > 1 ? `${value.length} selected` : (value[0] ?? 'Any');
  function toggle(option: string, checked: boolean) {
    const next = checked ? [...value, option] : value.filter((item) => item !== option);
    onChange(next.length === 0 ? null : filter.options.filter((item) => next.includes(item)));
  }
  return (
    <FilterPopover label={filter.label} summary={summary} noun="filter">
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1.5 text-[11px] text-zinc-600 dark:text-zinc-400">
          Filters the loaded rows in the browser
        </legend>
        {filter.options.map((option) => (
          <label key={option} className="flex cursor-pointer items-center gap-2">
            <input
              type="checkbox"
              checked={value.includes(option)}
              onChange={(event) => toggle(option, event.target.checked)}
              className={`size-3.5 accent-blue-700 ${focusRing}`}
            />
            <StatusBadge value={option} />
          </label>
        ))}
        <button
          type="button"
          className={`${ghostButtonClass} mt-1 self-start`}
          onClick={() => onChange(null)}
          disabled={value.length === 0}
        >
          Clear
        </button>
      </fieldset>
    </FilterPopover>
  );
}
