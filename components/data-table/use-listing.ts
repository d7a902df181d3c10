'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { listQueryOptions } from '@/lib/query/list-query';
import type { ResourceSpec } from '@/lib/resources/types';
import { listValue, type ViewValues } from '@/lib/url/view';

/** All loaded pages as one list of rows, narrowed by the browser-side filters. */
export function useListing(spec: ResourceSpec, path: Record<string, string>, values: ViewValues) {
  const query = useInfiniteQuery(listQueryOptions(spec, path, values));
  const loaded = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const rows = useMemo(() => {
    let result = loaded;
    for (const filter of spec.filters) {
      if (filter.kind !== 'multiEnum') continue;
      const wanted = listValue(values, filter.id);
      if (wanted.length > 0) result = result.filter((row) => wanted.includes(String(row[filter.field])));
    }
    return result;
  }, [loaded, spec, values]);
  const resolvedRanges = query.data?.pages[0]?.cursor.ranges;
  return { query, loaded, rows, resolvedRanges };
}
