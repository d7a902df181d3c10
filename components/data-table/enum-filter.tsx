'use client';

import { buttonClass, primaryButtonClass } from '@/components/ui/styles';
import type { FilterSpec } from '@/lib/resources/types';
import { FilterPopover } from './filter-popover';

interface EnumFilterProps {
  filter: Extract<FilterSpec, { kind: 'enum' }>;
  value: string;
  onChange: (value: string | null) => void;
}

/** One value of a few, sent to the API: a toolbar button like every other filter, its choices in the panel. */
export function EnumFilter({ filter, value, onChange }: EnumFilterProps) {
  const current = filter.options.find((option) => option.value === value);
  return (
    <FilterPopover label={filter.label} summary={current?.label ?? value} noun="filter">
      {(close) => (
        <div role="group" aria-label={filter.label} className="flex min-w-44 flex-col gap-1">
          {filter.options.map((option) => {
            const chosen = option.value === value;
            return (
              <button
                key={option.value}
                type="button"
                aria-pressed={chosen}
                className={`${chosen ? primaryButtonClass : buttonClass} justify-start`}
                onClick={() => {
                  onChange(option.value === filter.defaultValue ? null : option.value);
                  close();
                }}
              >
                {option.label}
              </button>
            );
          })}
        </div>
      )}
    </FilterPopover>
  );
}
