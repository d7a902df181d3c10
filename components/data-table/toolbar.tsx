'use client';

import type { ReactNode } from 'react';
import type { ResourceSpec } from '@/lib/resources/types';
import { suggestionSource } from '@/lib/query/suggestions';
import { enumValue, listValue, rangeValue, textValue, type ViewValues } from '@/lib/url/view';
import { DateRangePicker } from './date-range-picker';
import { EnumFilter } from './enum-filter';
import { MultiEnumFilter } from './multi-enum-filter';
import { TextFilter } from './text-filter';
import type { SetView } from './use-view-state';

interface ToolbarProps {
  spec: ResourceSpec;
  values: ViewValues;
  setView: SetView;
  /** Controls before the spec's filters: which sources to list. */
  children?: ReactNode;
}

/** One control per filter of the spec, chosen by the filter's kind. */
export function FilterBar({ spec, values, setView, children }: ToolbarProps) {
  return (
    <div role="search" aria-label={`Filter ${spec.label.toLowerCase()}`} className="flex flex-wrap items-center gap-2">
      {children}
      {spec.filters.map((filter) => {
        const onChange = (value: Parameters<SetView>[0][string]) => setView({ [filter.id]: value });
        switch (filter.kind) {
          case 'text':
            return (
              <TextFilter
                key={filter.id}
                filter={filter}
                value={textValue(values, filter.id)}
                onChange={onChange}
                suggest={suggestionSource(spec, filter.id)}
              />
            );
          case 'enum':
            return (
              <EnumFilter
                key={filter.id}
                filter={filter}
                value={enumValue(spec, values, filter.id)}
                onChange={onChange}
              />
            );
          case 'dateRange':
            return (
              <DateRangePicker
                key={filter.id}
                filter={filter}
                value={rangeValue(values, filter.id)}
                onChange={onChange}
              />
            );
          case 'multiEnum':
            return (
              <MultiEnumFilter
                key={filter.id}
                filter={filter}
                value={listValue(values, filter.id)}
                onChange={onChange}
              />
            );
        }
      })}
    </div>
  );
}
