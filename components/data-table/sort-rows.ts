import type { ColumnSpec, SortDirection } from '@/lib/resources/types';

type Row = Record<string, unknown>;

function sortable(value: unknown): string | number | undefined {
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/** A stable sort of the loaded rows by one column; rows without a value go last in either direction. */
export function sortRows(rows: readonly Row[], column: Pick<ColumnSpec<Row>, 'field'>, order: SortDirection): Row[] {
  const sign = order === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: sortable(row[column.field]) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) {
        return a.value === b.value ? a.index - b.index : a.value === undefined ? 1 : -1;
      }
      if (a.value === b.value) return a.index - b.index;
      return a.value < b.value ? -sign : sign;
    })
    .map(({ row }) => row);
}
