'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { ExternalIcon } from '@/components/ui/icons';
import { ghostButtonClass } from '@/components/ui/styles';
import { rowId } from '@/lib/resources/derive';
import { cellHref } from '@/lib/resources/links';
import type { CellKind, ResourceSpec } from '@/lib/resources/types';
import { regionFromArn } from '@/lib/resources/console';
import { Cell, type Row } from './cells';

const WIDTHS: Record<CellKind, number> = {
  text: 220,
  link: 240,
  number: 100,
  status: 150,
  datetime: 150,
  arn: 260,
  pair: 170,
  badge: 120,
};

export const ACTIONS_COLUMN = 'console';

function ConsoleLink({ spec, row }: { spec: ResourceSpec; row: Row }) {
  const url = spec.consoleUrl(row);
  if (url === undefined) return null;
  const id = rowId(spec, row);
  const region = regionFromArn(id) ?? '';
  return (
    <a
      href={url}
      target="_blank"
      rel="noreferrer"
      className={ghostButtonClass}
      aria-label={`Open ${id} in the AWS console (${region})`}
    >
      <ExternalIcon />
      <span className="text-[11px]">{region}</span>
    </a>
  );
}

/** TanStack columns from the spec: one per API field plus the console link. */
export function buildColumns(
  spec: ResourceSpec,
  view: Readonly<Record<string, unknown>>,
  path: Readonly<Record<string, string>>,
): ColumnDef<Row>[] {
  const columns: ColumnDef<Row>[] = spec.columns.map((column) => ({
    id: column.id,
    header: column.header,
    accessorFn: (row) => {
      const value = row[column.field];
      return typeof value === 'string' || typeof value === 'number' ? value : undefined;
    },
    enableSorting: column.sortable !== false,
    enableHiding: true,
    size: WIDTHS[column.cell],
    cell: ({ row }) => (
      <Cell column={column} row={row.original} href={cellHref(spec, column, row.original, view, path)} />
    ),
  }));
  columns.push({
    id: ACTIONS_COLUMN,
    header: 'Console',
    enableSorting: false,
    enableHiding: false,
    size: 110,
    cell: ({ row }) => <ConsoleLink spec={spec} row={row.original} />,
  });
  return columns;
}
