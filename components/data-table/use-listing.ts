'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { listQueryOptions, matchesBrowserFilters, type ResolvedRanges } from '@/lib/query/list-query';
import type { ResourceSpec } from '@/lib/resources/types';
import type { ViewValues } from '@/lib/url/view';

/** All loaded pages as one list of rows, narrowed by the browser-side filters. */
export function useListing(
  spec: ResourceSpec,
  path: Record<string, string>,
  values: ViewValues,
  serverRanges?: ResolvedRanges,
) {
  const query = useInfiniteQuery(listQueryOptions(spec, path, values, serverRanges));
  const loaded = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const rows = useMemo(() => {
    const keep = matchesBrowserFilters(spec, values);
    return keep === null ? loaded : loaded.filter(keep);
  }, [loaded, spec, values]);
  const firstPage = query.data?.pages[0];
  return { query, loaded, rows, resolvedRanges: firstPage?.cursor.ranges, fetchedAt: firstPage?.fetchedAt };
}
