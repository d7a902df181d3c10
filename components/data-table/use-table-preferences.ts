'use client';

import { useMemo } from 'react';
import type { ResourceSpec } from '@/lib/resources/types';
import { readDensity, readVisibility, useStoredValue, useTimeZone, type Density } from './use-preferences';

const NONE: Record<string, boolean> = {};
const COMPACT: Density = 'compact';

/** Column visibility and density per resource, and the time zone for all tables, remembered per browser. */
export function useTablePreferences(spec: ResourceSpec) {
  const [stored, setVisibility] = useStoredValue(`${spec.id}:columns`, readVisibility, NONE);
  const [density, setDensity] = useStoredValue(`${spec.id}:density`, readDensity, COMPACT);
  const [zone, setZone] = useTimeZone();
  const visibility = useMemo(
    () =>
      Object.fromEntries(
        spec.columns.map((column) => [
          column.id,
          column.pinned === true || (stored[column.id] ?? column.defaultVisible),
        ]),
      ),
    [spec, stored],
  );
  const reset = () => {
    setVisibility(NONE);
    setDensity(COMPACT);
  };
  return { visibility, setVisibility, density, setDensity, zone, setZone, reset };
}
