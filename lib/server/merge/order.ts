import 'server-only';
import type { ResourceSpec } from '@/lib/resources/types';

type Row = Record<string, unknown>;
type OrderSpec = Pick<ResourceSpec, 'sort' | 'idField'> & {
  columns: readonly Pick<ResourceSpec['columns'][number], 'id' | 'field' | 'cell'>[];
};

function valueOf(cell: string, value: unknown): number | string | undefined {
  if (value === undefined || value === null) return undefined;
  if (cell === 'datetime') {
    const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    return Number.isNaN(time) ? undefined : time;
  }
  if (typeof value === 'number') return value;
  return String(value);
}

function compareValues(a: number | string | undefined, b: number | string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** The field the listing is sorted by, as the API sorts: SortBy and SortOrder, or the API's defaults. */
export function listingSort(spec: OrderSpec, query: { SortBy?: unknown; SortOrder?: unknown }) {
  const by = typeof query.SortBy === 'string' ? query.SortBy : spec.sort.api.by;
  const descending =
    typeof query.SortOrder === 'string' ? query.SortOrder === spec.sort.order.desc : spec.sort.api.order === 'desc';
  const columnId = Object.entries(spec.sort.server).find(([, value]) => value === by)?.[0];
  const column = spec.columns.find((candidate) => candidate.id === columnId);
  if (column === undefined) throw new Error(`${by} is not a server sort of this listing`);
  return { field: column.field, cell: column.cell, descending };
}

/**
 * The listing's order across sources: the API's sort key (times as instants, strings by UTF-16 code unit, as
 * SageMaker and the emulator compare them), ties broken by ARN, in the sort's direction; total, so a merge of
 * sorted sources is one sorted listing.
 */
export function listingOrder(spec: OrderSpec, query: { SortBy?: unknown; SortOrder?: unknown }) {
  const { field, cell, descending } = listingSort(spec, query);
  const direction = descending ? -1 : 1;
  const primary = (a: Row, b: Row): number =>
    direction * compareValues(valueOf(cell, a[field]), valueOf(cell, b[field]));
  const idOf = (row: Row): string => String(row[spec.idField] ?? '');
  return {
    compare: (a: Row, b: Row): number => primary(a, b) || direction * compareValues(idOf(a), idOf(b)),
    primary,
    idOf,
    /** The members the order looks at, to remember a row by. */
    brief: (row: Row): Record<string, string | number> => {
      const key = row[field];
      return {
        [spec.idField]: idOf(row),
        ...(typeof key === 'string' || typeof key === 'number' ? { [field]: key } : {}),
      };
    },
  };
}
