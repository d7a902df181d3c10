import type { ResourceSpec } from '@/lib/resources/types';
import { formatInstant, resolveRange } from './range';
import { sourceApiParams } from './sources';
import { enumValue, listValue, rangeValue, textValue, viewSort, type ViewValues } from './view';

type QuerySpec = Pick<ResourceSpec, 'columns' | 'filters' | 'sort'>;
export type ApiParams = Record<string, string>;

/** The API parameters that do not depend on the clock: text and enum filters, SortBy and SortOrder. */
export function staticApiParams(spec: QuerySpec, values: ViewValues): ApiParams {
  const params: ApiParams = {};
  for (const filter of spec.filters) {
    if (filter.kind === 'text') {
      const value = textValue(values, filter.id);
      if (value !== '') params[filter.apiParam] = value;
    } else if (filter.kind === 'enum') {
      const value = enumValue(spec, values, filter.id);
      const apiValue = filter.options.find((option) => option.value === value)?.apiValue;
      if (apiValue !== undefined) params[filter.apiParam] = apiValue;
    }
  }
  const sort = viewSort(spec, values);
  const serverSort = spec.sort.server[sort.id];
  params.SortBy = serverSort ?? spec.sort.server[spec.sort.default.id] ?? '';
  params.SortOrder = spec.sort.order[serverSort === undefined ? spec.sort.default.order : sort.order];
  return params;
}

/** What the proxy is asked besides the date ranges: the API's own parameters and the sources to list. */
export function listApiParams(spec: QuerySpec, values: ViewValues): ApiParams {
  return { ...staticApiParams(spec, values), ...sourceApiParams(values) };
}

/** Date-range filters resolved against `now`: relative ranges become absolute bounds. */
export function rangeApiParams(spec: Pick<ResourceSpec, 'filters'>, values: ViewValues, now: number): ApiParams {
  const params: ApiParams = {};
  for (const filter of spec.filters) {
    if (filter.kind !== 'dateRange') continue;
    const range = rangeValue(values, filter.id);
    if (range === null) continue;
    const { after, before } = resolveRange(range, now);
    if (after !== undefined) params[filter.afterParam] = formatInstant(after);
    if (before !== undefined) params[filter.beforeParam] = formatInstant(before);
  }
  return params;
}

/** The proxy URL of one page; the browser's fetch and the server's first page must build it identically. */
export function pageUrl(
  apiPath: string,
  params: ApiParams,
  ranges: ApiParams,
  pageSize: number,
  token: string | null,
): string {
  const query = new URLSearchParams({ ...params, ...ranges, MaxResults: String(pageSize) });
  if (token !== null) query.set('NextToken', token);
  return `${apiPath}?${query}`;
}

/** True when the sort column can only be sorted within the loaded rows. */
export function sortsInBrowser(spec: QuerySpec, values: ViewValues): boolean {
  return spec.sort.server[viewSort(spec, values).id] === undefined;
}

/**
 * The export URL of a view: the same listing as its pages (API parameters, sources, the ranges its first page
 * resolved) and its browser-side filters by their page names, whole, as a `format` download.
 */
export function exportUrl(
  spec: Pick<ResourceSpec, 'apiRoute' | 'columns' | 'filters' | 'sort'>,
  apiPath: string,
  values: ViewValues,
  ranges: ApiParams,
  format: 'csv' | 'json',
): string {
  const query = new URLSearchParams({ ...listApiParams(spec, values), ...ranges, format });
  for (const filter of spec.filters) {
    const chosen = filter.kind === 'multiEnum' ? listValue(values, filter.id) : [];
    if (chosen.length > 0) query.set(filter.id, chosen.join(','));
  }
  return `${apiPath}/export?${query}`;
}
