'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiError } from '@/lib/query/api-error';
import { listQueryOptions, matchesBrowserFilters, type ServerFirstPage } from '@/lib/query/list-query';
import type { ResourceSpec } from '@/lib/resources/types';
import type { ViewValues } from '@/lib/url/view';

/**
 * All loaded pages as one list of rows, narrowed by the browser-side filters. `refused` is the error the
 * server's render got for this view's first page; the listing is not asked again until `retry`.
 */
export function useListing(
  spec: ResourceSpec,
  path: Record<string, string>,
  values: ViewValues,
  server?: ServerFirstPage,
) {
  const options = listQueryOptions(spec, path, values, server?.resolved);
  // The server's refusal holds for the view it rendered, until the user asks again or the view changes.
  const [settled, setSettled] = useState(false);
  const found = server?.refused;
  if (!settled && found !== undefined && found.key !== JSON.stringify(options.queryKey)) setSettled(true);
  const refused = useMemo(
    () =>
      found === undefined || settled
        ? undefined
        : new ApiError(found.status, found.code, found.message, {
            ...(found.param === undefined ? {} : { param: found.param }),
            requestId: found.requestId,
          }),
    [found, settled],
  );
  const query = useInfiniteQuery({ ...options, enabled: refused === undefined });
  const loaded = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const rows = useMemo(() => {
    const keep = matchesBrowserFilters(spec, values);
    return keep === null ? loaded : loaded.filter(keep);
  }, [loaded, spec, values]);
  const firstPage = query.data?.pages[0];
  return {
    query,
    loaded,
    rows,
    resolvedRanges: firstPage?.cursor.ranges,
    fetchedAt: firstPage?.fetchedAt,
    refused,
    retry: () => setSettled(true),
  };
}
