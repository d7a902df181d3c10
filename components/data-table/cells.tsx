'use client';

import Link from 'next/link';
import { CopyButton } from '@/components/ui/copy-button';
import { CopyIcon } from '@/components/ui/icons';
import { Popover } from '@/components/ui/popover';
import { StatusBadge, badgeClass, statusTone } from '@/components/ui/status-badge';
import { ghostButtonClass, linkClass, focusRing } from '@/components/ui/styles';
import type { ColumnSpec } from '@/lib/resources/types';
import * as z from 'zod/mini';
import { Timestamp } from './timestamp';

export type Row = Record<string, unknown>;

const lifecycle = z.object({ Stage: z.string(), StageStatus: z.string(), StageDescription: z.optional(z.string()) });
const muted = <span className="text-zinc-500 dark:text-zinc-400">–</span>;

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function StatusCell({ value, detail }: { value: string; detail: string | undefined }) {
  if (detail === undefined) return <StatusBadge value={value} />;
  return (
    <Popover
      label={value}
      ariaLabel={`${value}: show reason`}
      title={detail}
      triggerClassName={`${badgeClass(statusTone(value))} cursor-pointer underline decoration-dotted ${focusRing}`}
      panelLabel="Failure reason"
    >
      <p className="max-w-sm whitespace-normal" title={detail}>
        {detail}
      </p>
    </Popover>
  );
}

function ArnCell({ value }: { value: string }) {
  const short = value.slice(value.lastIndexOf(':') + 1);
  return (
    <span className="flex min-w-0 items-center gap-1">
      <span className="truncate font-mono text-[11px]" title={value}>
        {short}
      </span>
      <CopyButton text={() => value} label={`Copy ARN ${value}`} className={ghostButtonClass}>
        <CopyIcon />
      </CopyButton>
    </span>
  );
}

export function Cell({ column, row }: { column: ColumnSpec<Row>; row: Row }) {
  const value = row[column.field];
  if (column.cell === 'lifecycle') {
    const parsed = lifecycle.safeParse(value);
    if (!parsed.success) return muted;
    return (
      <span title={parsed.data.StageDescription} className="truncate">
        {parsed.data.Stage} · {parsed.data.StageStatus}
      </span>
    );
  }
  const shown = text(value);
  if (shown === undefined) return muted;
  switch (column.cell) {
    case 'datetime':
      return <Timestamp value={shown} mode="relative" />;
    case 'status':
      return (
        <StatusCell
          value={shown}
          detail={column.detailField === undefined ? undefined : text(row[column.detailField])}
        />
      );
    case 'badge':
      return <span className={badgeClass('neutral')}>{shown}</span>;
    case 'arn':
      return <ArnCell value={shown} />;
    case 'number':
      return <span className="tabular-nums">{shown}</span>;
    case 'link': {
      const href = column.href?.(row);
      return href === undefined ? (
        <span className="truncate">{shown}</span>
      ) : (
        <Link href={href} className={`truncate ${linkClass}`} prefetch={false}>
          {shown}
        </Link>
      );
    }
    default:
      return (
        <span className="truncate" title={shown}>
          {shown}
        </span>
      );
  }
}
