import type { ResourceSpec, SortDirection } from '@/lib/resources/types';
import { viewCodecs, type ParamValue } from './codecs';
import type { DateRange } from './range';
import type { SourceChoices } from './sources';

export type ViewValues = Readonly<Record<string, ParamValue | null | undefined>>;

export interface UrlIssue {
  param: string;
  value: string;
  message: string;
}

type ViewSpec = Pick<ResourceSpec, 'columns' | 'filters' | 'sort'>;

/**
 * Parses a page's URL parameters; a bad value is reported as an issue and left out, but for a list's sound
 * entries. `rewrites` holds the sound values written otherwise than the app writes them (`refresh=1M` is `1m`,
 * `account=prod,nope` is `account=prod`), to put in the URL as written, and `null` for a value the view takes
 * anyway when the parameter is absent (`chart=created`), to drop, so that one view has one URL.
 */
export function readView(
  spec: ViewSpec,
  get: (param: string) => string | null,
  sources?: SourceChoices,
): { values: ViewValues; issues: UrlIssue[]; rewrites: Record<string, ParamValue | null> } {
  const values: Record<string, ParamValue | null> = {};
  const issues: UrlIssue[] = [];
  const rewrites: Record<string, ParamValue | null> = {};
  for (const [param, codec] of Object.entries(viewCodecs(spec, sources))) {
    const raw = get(param);
    if (raw === null || raw === '') continue;
    const problem = codec.problem(raw);
    if (problem !== null) issues.push({ param, value: raw, message: problem });
    const value = codec.parse(raw);
    if (value !== null && codec.implied !== undefined && codec.serialize(value) === codec.serialize(codec.implied)) {
      values[param] = null;
      rewrites[param] = null;
      continue;
    }
    values[param] = value;
    // A list keeps its sound entries (`account=prod,nope` is `account=prod`).
    if (value !== null && codec.serialize(value) !== raw) rewrites[param] = value;
  }
  return { values, issues, rewrites };
}

/** The parameters a view writes to the URL, in spec order, without the empty ones. */
export function writeView(spec: ViewSpec, values: ViewValues, sources?: SourceChoices): URLSearchParams {
  const params = new URLSearchParams();
  for (const [param, codec] of Object.entries(viewCodecs(spec, sources))) {
    const value = values[param];
    if (value === null || value === undefined) continue;
    const text = codec.serialize(value);
    if (text !== '') params.set(param, text);
  }
  return params;
}

export function textValue(values: ViewValues, id: string): string {
  const value = values[id];
  return typeof value === 'string' ? value : '';
}

export function listValue(values: ViewValues, id: string): readonly string[] {
  const value = values[id];
  return typeof value === 'object' && value !== null && !('kind' in value) ? value : [];
}

export function rangeValue(values: ViewValues, id: string): DateRange | null {
  const value = values[id];
  return typeof value === 'object' && value !== null && 'kind' in value ? value : null;
}

export function enumValue(spec: Pick<ResourceSpec, 'filters'>, values: ViewValues, id: string): string {
  const filter = spec.filters.find((candidate) => candidate.id === id);
  const fallback = filter?.kind === 'enum' ? filter.defaultValue : '';
  return textValue(values, id) || fallback;
}

export function viewSort(spec: Pick<ResourceSpec, 'sort'>, values: ViewValues): { id: string; order: SortDirection } {
  const id = textValue(values, 'sort') || spec.sort.default.id;
  const order = textValue(values, 'order');
  return { id, order: order === 'asc' || order === 'desc' ? order : spec.sort.default.order };
}

/** True when any filter (server or browser side) narrows the listing. */
export function hasFilters(spec: Pick<ResourceSpec, 'filters'>, values: ViewValues): boolean {
  return spec.filters.some((filter) => {
    const value = values[filter.id];
    if (value === null || value === undefined) return false;
    return filter.kind !== 'enum' || value !== filter.defaultValue;
  });
}
