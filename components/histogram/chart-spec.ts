import type { ResourceSpec } from '@/lib/resources/types';
import { ACCOUNT_PARAM, type SourceChoices } from '@/lib/url/sources';
import { listValue, rangeValue, textValue, type ViewValues } from '@/lib/url/view';
import type { Facet, TimeField } from './time-histogram';

/** The times a resource's rows can be counted by: its date-range filters, with the column holding each. */
export function timeFields(spec: Pick<ResourceSpec, 'filters' | 'columns'>): TimeField[] {
  return spec.filters.flatMap((filter) => {
    if (filter.kind !== 'dateRange') return [];
    const column = spec.columns.find((candidate) => candidate.id === filter.id);
    return column === undefined ? [] : [{ id: filter.id, label: filter.label, field: column.field }];
  });
}

/** The time the chart counts by: the one the URL names, the first when it names none, or none when it is off. */
export function chartField(times: readonly TimeField[], chosen: string): TimeField | undefined {
  return chosen === '' ? times[0] : times.find((time) => time.id === chosen);
}

/**
 * The breakdowns a resource's rows have, each with the filter a segment sets: approval (model packages), status,
 * and the account when several are listed.
 */
export function facets(spec: ResourceSpec, values: ViewValues, sources: SourceChoices): Facet[] {
  const found: Facet[] = [];
  for (const filter of spec.filters) {
    const column = spec.columns.find((candidate) => candidate.id === filter.id);
    if (filter.kind === 'enum' && filter.id === 'approval' && column !== undefined) {
      const chosen = filter.options.find((option) => option.value === textValue(values, filter.id));
      found.push({
        id: filter.id,
        label: filter.label,
        field: column.field,
        values: filter.options.flatMap((option) => (option.apiValue === undefined ? [] : [option.apiValue])),
        selected: chosen?.apiValue === undefined ? [] : [chosen.apiValue],
      });
    }
    if (filter.kind === 'text' && filter.id === 'group' && column !== undefined) {
      const chosen = textValue(values, filter.id);
      found.push({
        id: filter.id,
        label: 'Group',
        field: column.field,
        values: [],
        selected: chosen === '' ? [] : [chosen],
        free: true,
      });
    }
    if (filter.kind === 'multiEnum') {
      found.push({
        id: filter.id,
        label: filter.label,
        field: filter.field,
        values: filter.options,
        selected: listValue(values, filter.id),
      });
    }
  }
  if (sources.several) {
    found.push({
      id: ACCOUNT_PARAM,
      label: 'Account',
      field: 'AccountName',
      values: sources.accounts.map((account) => account.name),
      selected: listValue(values, ACCOUNT_PARAM),
    });
  }
  return found;
}

/** What a segment's click sets: the filter to that one value, or, on the value it is set to, no filter. */
export function facetPatch(
  spec: ResourceSpec,
  facetId: string,
  value: string,
  clear = false,
): Record<string, string | string[] | null> {
  if (clear) return { [facetId]: null };
  const filter = spec.filters.find((candidate) => candidate.id === facetId);
  if (filter?.kind === 'enum') {
    const option = filter.options.find((candidate) => candidate.apiValue === value);
    return option === undefined ? {} : { [facetId]: option.value };
  }
  if (filter?.kind === 'text') return { [facetId]: value };
  return { [facetId]: [value] };
}

/**
 * The room the chart takes, phone and wider, from what it shows: the page reserves it before the chart loads,
 * so the rows below do not move when it comes.
 */
export function chartRoom(facetCount: number): { phone: number; wide: number } {
  const frame = 16 + 22 + 4 + 18 + facetCount * 28;
  return { phone: frame + 32 + 4, wide: frame + 96 + 4 + 20 };
}

/** Bounds with both ends set, as the span of the chart a view's range shades; undefined with an end open. */
export function closedSpan(bounds: { start?: number; end?: number }): { start: number; end: number } | undefined {
  const { start, end } = bounds;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/**
 * The view's bounds on a time field as epoch ms, either end open: an absolute range's ends, or where a relative
 * one starts as the server resolved it for this listing.
 */
export function viewBounds(
  spec: Pick<ResourceSpec, 'filters'>,
  values: ViewValues,
  fieldId: string,
  resolved: Readonly<Record<string, string>> | undefined,
): { start?: number; end?: number } {
  const range = rangeValue(values, fieldId);
  if (range === null) return {};
  if (range.kind === 'absolute') {
    return {
      ...(range.start === null ? {} : { start: range.start.getTime() }),
      ...(range.end === null ? {} : { end: range.end.getTime() }),
    };
  }
  const filter = spec.filters.find((candidate) => candidate.id === fieldId);
  const after = filter?.kind === 'dateRange' ? resolved?.[filter.afterParam] : undefined;
  const start = after === undefined ? Number.NaN : Date.parse(after);
  return Number.isNaN(start) ? {} : { start };
}
