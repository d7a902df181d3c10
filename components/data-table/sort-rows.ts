import type { ColumnSpec, SortDirection } from '@/lib/resources/types';

type Row = Record<string, unknown>;

function sortable(value: unknown): string | number | undefined {
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/**
 * Text as people read it: letters regardless of case and accents, digit runs by their value. One locale for
 * every machine, as the server renders a browser-side sort's first rows and the browser must order them alike.
 */
export const textCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return textCollator.compare(String(a), String(b));
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
      return sign * compareValues(a.value, b.value) || a.index - b.index;
    })
    .map(({ row }) => row);
}
