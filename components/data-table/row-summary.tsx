'use client';

import { cellHref } from '@/lib/resources/links';
import { resourceSpec, type ResourceId } from '@/lib/resources/registry';
import type { ResourceSpec } from '@/lib/resources/types';
import { Cell, type Row } from './cells';

const NO_VIEW = {};
const NO_PATH = {};

interface RowFieldsProps {
  spec: ResourceSpec;
  row: Row;
  /** `grid`: across the page, as a parent above its children; `stack`: one field under the other, in a panel. */
  layout: 'grid' | 'stack';
}

/** Every column of a row, in full: long values wrap, names and ARNs copy, times follow the Local/UTC choice. */
export function RowFields({ spec, row, layout }: RowFieldsProps) {
  return spec.columns.map((column) => (
    <div
      key={column.id}
      className={`flex min-w-0 flex-col gap-0.5 ${layout === 'grid' && (column.cell === 'arn' || column.cell === 'text') ? 'sm:col-span-2' : ''}`}
    >
      <dt className="text-[11px] uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{column.header}</dt>
      <dd className="text-xs [overflow-wrap:anywhere]">
        <Cell column={column} row={row} href={cellHref(spec, column, row, NO_VIEW, NO_PATH)} layout="full" />
      </dd>
    </div>
  ));
}

/** The parent above a child listing. */
export function RowSummary({ resource, row, label }: { resource: ResourceId; row: Row; label: string }) {
  return (
    <dl
      data-testid="parent-summary"
      aria-label={label}
      className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-md border border-zinc-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-4 dark:border-zinc-800 dark:bg-zinc-950"
    >
      <RowFields spec={resourceSpec(resource)} row={row} layout="grid" />
    </dl>
  );
}
