'use client';

import { useId } from 'react';
import { inputClass } from '@/components/ui/styles';
import type { FilterSpec } from '@/lib/resources/types';

interface EnumFilterProps {
  filter: Extract<FilterSpec, { kind: 'enum' }>;
  value: string;
  onChange: (value: string | null) => void;
}

export function EnumFilter({ filter, value, onChange }: EnumFilterProps) {
  const id = useId();
  const fallback = filter.options.find((option) => option.value === filter.defaultValue);
  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor={id} className="text-xs text-zinc-600 dark:text-zinc-400">
        {filter.label}
      </label>
      <select
        id={id}
        value={value}
        data-filter={filter.id}
        onChange={(event) => onChange(event.target.value === filter.defaultValue ? null : event.target.value)}
        className={`${inputClass} pr-6`}
        title={fallback?.apiValue === undefined ? undefined : `Default: ${fallback.label}`}
      >
        {filter.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
            {option.value === filter.defaultValue && option.apiValue !== undefined ? ' (default)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
