'use client';

import Link from 'next/link';
import { CopyButton } from '@/components/ui/copy-button';
import { CopyableText } from '@/components/ui/copyable-text';
import { CopyIcon } from '@/components/ui/icons';
import { Popover } from '@/components/ui/popover';
import { StatusBadge, badgeClass, statusTone } from '@/components/ui/status-badge';
import { useRowTabIndex } from '@/components/ui/row-tab';
import { ghostButtonClass, linkClass, focusRing } from '@/components/ui/styles';
import type { ColumnSpec } from '@/lib/resources/types';
import { Timestamp } from './timestamp';

export type Row = Record<string, unknown>;

/** `cell`: one line in the table, truncated. `full`: everything, wrapping, for a row's summary or details. */
export type CellLayout = 'cell' | 'full';

const muted = <span className="text-zinc-500 dark:text-zinc-400">–</span>;

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function member(value: unknown, key: string | undefined): string | undefined {
  if (key === undefined || typeof value !== 'object' || value === null) return undefined;
  return text(Reflect.get(value, key));
}

function StatusCell({ value, detail, layout }: { value: string; detail: string | undefined; layout: CellLayout }) {
  if (detail === undefined) return <StatusBadge value={value} />;
  if (layout === 'full') {
    return (
      <span className="flex flex-col items-start gap-1">
        <StatusBadge value={value} />
        <span className="text-red-700 dark:text-red-300">{detail}</span>
      </span>
    );
  }
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

interface CellProps {
  column: ColumnSpec<Row>;
  row: Row;
  /** Where a link cell goes (`cellHref`), undefined for a value that links nowhere. */
  href?: string;
  layout?: CellLayout;
}

/** One field of a row, drawn by its column's kind; no kind belongs to one resource. */
export function Cell({ column, row, href, layout = 'cell' }: CellProps) {
  const tabIndex = useRowTabIndex();
  const value = row[column.field];
  const wrap = layout === 'full' ? '[overflow-wrap:anywhere]' : 'truncate';
  if (column.cell === 'pair') {
    const [first, second] = column.pair ?? [];
    const shown = [member(value, first), member(value, second)].filter((part) => part !== undefined).join(' · ');
    if (shown === '') return muted;
    const detail = member(value, column.detailField);
    if (layout === 'full') {
      return (
        <span className="flex flex-col gap-0.5">
          <span>{shown}</span>
          {detail !== undefined && <span className="text-zinc-600 dark:text-zinc-400">{detail}</span>}
        </span>
      );
    }
    return (
      <span title={detail} className="truncate">
        {shown}
      </span>
    );
  }
  const shown = text(value);
  if (shown === undefined) return muted;
  switch (column.cell) {
    case 'datetime':
      return <Timestamp value={shown} mode={layout === 'full' ? 'exact' : 'relative'} />;
    case 'status':
      return <StatusCell value={shown} detail={text(row[column.detailField ?? ''])} layout={layout} />;
    case 'badge':
      return <span className={badgeClass('neutral')}>{shown}</span>;
    case 'arn':
      return layout === 'full' ? <CopyableText text={shown} what="ARN" /> : <ArnCell value={shown} />;
    case 'number':
      return <span className="tabular-nums">{shown}</span>;
    case 'link': {
      const link =
        href === undefined ? (
          <span className={wrap}>{shown}</span>
        ) : (
          <Link href={href} className={`${wrap} ${linkClass}`} prefetch={false} tabIndex={tabIndex}>
            {shown}
          </Link>
        );
      if (layout === 'cell') return link;
      return (
        <span className="inline-flex max-w-full items-start gap-1">
          {link}
          <CopyButton text={() => shown} label={`Copy ${column.header} ${shown}`} className={ghostButtonClass}>
            <CopyIcon />
          </CopyButton>
        </span>
      );
    }
    case 'text':
    case 'short':
      if (layout === 'full' && column.pinned === true) return <CopyableText text={shown} what={column.header} />;
      return (
        <span className={wrap} title={layout === 'cell' ? shown : undefined}>
          {shown}
        </span>
      );
  }
}
