'use client';

import { cellHref } from '@/lib/resources/links';
import { resourceSpec, type ResourceId } from '@/lib/resources/registry';
import { Cell, type Row } from './cells';

const NO_VIEW = {};
const NO_PATH = {};

/** Every field of one row, in full: the parent above a child listing; long values wrap, names and ARNs copy. */
export function RowSummary({ resource, row, label }: { resource: ResourceId; row: Row; label: string }) {
  const spec = resourceSpec(resource);
  return (
    <dl
      data-testid="parent-summary"
      aria-label={label}
      className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-md border border-zinc-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-4 dark:border-zinc-800 dark:bg-zinc-950"
    >
      {spec.columns.map((column) => (
        <div
          key={column.id}
          className={`flex min-w-0 flex-col gap-0.5 ${column.cell === 'arn' || column.cell === 'text' ? 'sm:col-span-2' : ''}`}
        >
          <dt className="text-[11px] uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{column.header}</dt>
          <dd className="text-xs [overflow-wrap:anywhere]">
            <Cell column={column} row={row} href={cellHref(spec, column, row, NO_VIEW, NO_PATH)} layout="full" />
          </dd>
        </div>
      ))}
    </dl>
  );
}
