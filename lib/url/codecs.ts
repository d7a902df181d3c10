import { textProblem } from '@/lib/resources/constraints';
import type { FilterSpec, ResourceSpec, SortDirection } from '@/lib/resources/types';
import { parseRange, serializeRange, type DateRange } from './range';
import { REFRESH_CHOICES } from './refresh';
import { sourceCodecs, type SourceChoices } from './sources';

export type ParamValue = string | readonly string[] | DateRange;

/** How one URL parameter reads and writes; `problem` explains why a raw value is ignored. */
export interface ParamCodec<T extends ParamValue = ParamValue> {
  parse(raw: string): T | null;
  serialize(value: T): string;
  problem(raw: string): string | null;
  /** The value the view takes when the parameter is absent, which a link therefore writes as absence. */
  implied?: T;
}

const RANGE_HINT =
  'a duration of up to 100 years such as P7D or PT24H, or an interval start/end in ISO 8601 with ".." for an open end';

function textCodec(filter: Extract<FilterSpec, { kind: 'text' }>): ParamCodec<string> {
  const problem = (raw: string) => textProblem(filter.rule, raw);
  return { parse: (raw) => (problem(raw) === null ? raw : null), serialize: (value) => value, problem };
}

function choiceCodec(values: readonly string[], what: string): ParamCodec<string> {
  const find = (raw: string) => values.find((value) => value.toLowerCase() === raw.toLowerCase()) ?? null;
  return {
    parse: find,
    serialize: (value) => value,
    problem: (raw) => (find(raw) === null ? `must be ${what}: ${values.join(', ')}` : null),
  };
}

function listCodec(options: readonly string[]): ParamCodec<readonly string[]> {
  const split = (raw: string) =>
    raw
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
  const known = (raw: string) =>
    split(raw).flatMap((part) => options.filter((option) => option.toLowerCase() === part.toLowerCase()));
  return {
    parse: (raw) => {
      const values = [...new Set(known(raw))];
      return values.length > 0 ? values : null;
    },
    serialize: (values) => values.join(','),
    problem: (raw) => {
      const unknown = split(raw).filter(
        (part) => !options.some((option) => option.toLowerCase() === part.toLowerCase()),
      );
      return unknown.length === 0 ? null : `has unknown values ${unknown.join(', ')}; use ${options.join(', ')}`;
    },
  };
}

const rangeCodec: ParamCodec<DateRange> = {
  parse: (raw) => parseRange(raw) ?? null,
  serialize: serializeRange,
  problem: (raw) => (parseRange(raw) === undefined ? `must be ${RANGE_HINT}` : null),
};

export function filterCodec(filter: FilterSpec): ParamCodec {
  switch (filter.kind) {
    case 'text':
      return textCodec(filter);
    case 'enum':
      return choiceCodec(
        filter.options.map((option) => option.value).filter((value) => value !== ''),
        'one of',
      );
    case 'multiEnum':
      return listCodec(filter.options);
    case 'dateRange':
      return rangeCodec;
  }
}

export const SORT_ORDERS: readonly SortDirection[] = ['asc', 'desc'];

/** The row whose details panel is open, by its id; in the URL so a runbook can link one item in its list. */
export const DETAILS_PARAM = 'details';
export const REFRESH_PARAM = 'refresh';
/**
 * The time histogram above the table: counting by that time (`created`, `modified`), by the first one when
 * absent, or hidden with `off`.
 */
export const CHART_PARAM = 'chart';
export const CHART_OFF = 'off';
const MAX_ID_LENGTH = 2048;

const detailsCodec: ParamCodec<string> = {
  parse: (raw) => (raw.length <= MAX_ID_LENGTH ? raw : null),
  serialize: (value) => value,
  problem: (raw) => (raw.length <= MAX_ID_LENGTH ? null : `must be at most ${MAX_ID_LENGTH} characters`),
};

function chartCodec(spec: Pick<ResourceSpec, 'filters'>): Record<string, ParamCodec> {
  const times = spec.filters.filter((filter) => filter.kind === 'dateRange').map((filter) => filter.id);
  const [first] = times;
  if (first === undefined) return {};
  return { [CHART_PARAM]: { ...choiceCodec([...times, CHART_OFF], 'one of'), implied: first } };
}

export function sortableColumnIds(spec: Pick<ResourceSpec, 'columns'>): string[] {
  return spec.columns.filter((column) => column.sortable !== false).map((column) => column.id);
}

/**
 * Every URL parameter of a resource's page, keyed by its name in the URL; `account=` and `region=` once the
 * configured sources are known.
 */
export function viewCodecs(
  spec: Pick<ResourceSpec, 'columns' | 'filters'>,
  sources?: SourceChoices,
): Record<string, ParamCodec> {
  const codecs: Record<string, ParamCodec> = {
    ...(sources === undefined ? {} : sourceCodecs(sources)),
    sort: choiceCodec(sortableColumnIds(spec), 'a sortable column'),
    order: choiceCodec(SORT_ORDERS, 'one of'),
    [DETAILS_PARAM]: detailsCodec,
    [REFRESH_PARAM]: choiceCodec(REFRESH_CHOICES, 'one of'),
    ...chartCodec(spec),
  };
  for (const filter of spec.filters) codecs[filter.id] = filterCodec(filter);
  return codecs;
}
