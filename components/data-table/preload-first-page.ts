import { preload } from 'react-dom';
import { withBasePath } from '@/lib/url/base-path';
import { PAGE_SIZE } from '@/lib/query/list-query';
import { apiPath } from '@/lib/resources/derive';
import { resourceSpec, type ResourceId } from '@/lib/resources/registry';
import { listApiParams, pageUrl } from '@/lib/url/api-query';
import type { SourceChoices } from '@/lib/url/sources';
import { readView, rangeValue } from '@/lib/url/view';

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Lets the browser fetch the first page while the table's JS loads. Skipped when a date range is set:
 * the browser resolves relative ranges with its own clock, so the URLs would differ.
 */
export function preloadFirstPage(
  resource: ResourceId,
  path: Record<string, string>,
  searchParams: SearchParams,
  sources: SourceChoices,
): void {
  const spec = resourceSpec(resource);
  const { values } = readView(
    spec,
    (param) => {
      const value = searchParams[param];
      return typeof value === 'string' ? value : null;
    },
    sources,
  );
  if (spec.filters.some((filter) => filter.kind === 'dateRange' && rangeValue(values, filter.id) !== null)) return;
  preload(withBasePath(pageUrl(apiPath(spec, path), listApiParams(spec, values), {}, PAGE_SIZE, null)), {
    as: 'fetch',
    crossOrigin: 'anonymous',
  });
}
