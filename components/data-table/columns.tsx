'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { ExternalIcon, PanelIcon } from '@/components/ui/icons';
import { useRowTabIndex } from '@/components/ui/row-tab';
import { ghostButtonClass } from '@/components/ui/styles';
import { nameOfId, rowId } from '@/lib/resources/derive';
import { cellHref } from '@/lib/resources/links';
import type { CellKind, ResourceSpec } from '@/lib/resources/types';
import { regionFromArn } from '@/lib/resources/console';
import { Cell, type Row } from './cells';

const WIDTHS: Record<CellKind, number> = {
  text: 220,
  short: 120,
  link: 240,
  number: 100,
  status: 150,
  datetime: 150,
  arn: 260,
  pair: 170,
  badge: 120,
};

export const ACTIONS_COLUMN = 'console';
export const DETAILS_COLUMN = 'details';

function ConsoleLink({ spec, row }: { spec: ResourceSpec; row: Row }) {
  const tabIndex = useRowTabIndex();
  const url = spec.consoleUrl(row);
  if (url === undefined) return null;
  const id = rowId(spec, row);
  const region = regionFromArn(id) ?? '';
  return (
    <a
      tabIndex={tabIndex}
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

function DetailsButton({ spec, row, onOpen }: { spec: ResourceSpec; row: Row; onOpen: (id: string) => void }) {
  const id = rowId(spec, row);
  const tabIndex = useRowTabIndex();
  return (
    <button
      type="button"
      tabIndex={tabIndex}
      className={`${ghostButtonClass} relative h-5 px-1.5 after:absolute after:-inset-1.5 after:content-['']`}
      aria-label={`Details of ${spec.noun} ${nameOfId(id)}`}
      title="Details"
      onClick={() => onOpen(id)}
    >
      <PanelIcon />
    </button>
  );
}

/** TanStack columns from the spec: the details button, one per API field, and the console link. */
export function buildColumns(
  spec: ResourceSpec,
  view: Readonly<Record<string, unknown>>,
  path: Readonly<Record<string, string>>,
  onDetails: (id: string) => void,
): ColumnDef<Row>[] {
  const details: ColumnDef<Row> = {
    id: DETAILS_COLUMN,
    header: () => <span className="sr-only">Details</span>,
    enableSorting: false,
    enableHiding: false,
    size: 40,
    cell: ({ row }) => <DetailsButton spec={spec} row={row.original} onOpen={onDetails} />,
  };
  const fields: ColumnDef<Row>[] = spec.columns.map((column) => ({
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
  const consoleLink: ColumnDef<Row> = {
    id: ACTIONS_COLUMN,
    header: 'Console',
    enableSorting: false,
    enableHiding: false,
    size: 110,
    cell: ({ row }) => <ConsoleLink spec={spec} row={row.original} />,
  };
  return [details, ...fields, consoleLink];
}
