'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { buttonClass, ghostButtonClass } from '@/components/ui/styles';
import { ApiError } from '@/lib/query/api-error';
import { detailsQueryOptions } from '@/lib/query/details-query';
import { iamAction, nameOfId } from '@/lib/resources/derive';
import { detailsParams } from '@/lib/resources/details';
import type { ResourceSpec } from '@/lib/resources/types';
import type { Row } from './cells';
import { DetailsValue, humanize } from './details-value';
import { RowFields } from './row-summary';
import { ErrorNotice } from './table-states';
import { errorText } from './table-footer';

interface DetailsPanelProps {
  spec: ResourceSpec;
  /** The row's id (its ARN), as the URL's `details=` gives it. */
  id: string;
  /** The row when it is among the loaded ones; the panel works without it, from the Describe answer. */
  row: Row | undefined;
  path: Readonly<Record<string, string>>;
  onClose: () => void;
}

/** The row's own fields when the Describe answer holds them (a link to a row that is not loaded). */
function rowOf(spec: ResourceSpec, item: Record<string, unknown> | undefined): Row | undefined {
  if (item === undefined) return undefined;
  const parsed = spec.row.safeParse(item);
  return parsed.success ? parsed.data : undefined;
}

function More({ spec, id, path }: Pick<DetailsPanelProps, 'spec' | 'id' | 'path'>) {
  const params = detailsParams(spec, id, path);
  const query = useQuery(detailsQueryOptions(spec, params));
  const operation = spec.details?.operation;
  if (spec.details === undefined || operation === undefined) return null;
  if (query.error instanceof ApiError && query.error.status === 403) {
    return (
      <p
        role="status"
        data-testid="details-denied"
        className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
      >
        More details need <code className="font-mono">{iamAction({ operation })}</code>, which the server&apos;s AWS
        identity may not call; the fields above come from the listing.
      </p>
    );
  }
  if (query.error instanceof ApiError && query.error.status === 404) {
    return (
      <p role="status" data-testid="details-missing" className="text-zinc-700 dark:text-zinc-300">
        {operation} found no {spec.noun} {nameOfId(id)}: it may have been deleted, or the link may name another account
        or region.
      </p>
    );
  }
  if (query.error !== null) {
    return (
      <ErrorNotice
        title="More details could not be loaded"
        {...errorText(query.error)}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (query.data === undefined) {
    return (
      <div
        aria-busy="true"
        aria-label="Loading more details"
        className="h-24 animate-pulse rounded bg-zinc-200/70 dark:bg-zinc-800"
      />
    );
  }
  const item = query.data;
  const fields = spec.details.fields.filter((field) => item[field] !== undefined);
  return (
    <dl data-testid="details-more" className="flex flex-col gap-2">
      {fields.map((field) => (
        <div key={field} className="flex min-w-0 flex-col gap-0.5">
          <dt className="text-[11px] uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{humanize(field)}</dt>
          <dd className="text-xs">
            <DetailsValue value={item[field]} name={humanize(field)} />
          </dd>
        </div>
      ))}
      {fields.length === 0 && (
        <p className="text-zinc-600 dark:text-zinc-400">{operation} adds nothing for this row.</p>
      )}
    </dl>
  );
}

/**
 * A side panel (a full-width drawer on a phone) with every field of one row in full and what its Describe call
 * adds. A native modal dialog: Escape closes it and focus stays inside while it is open.
 */
export function DetailsPanel({ spec, id, row, path, onClose }: DetailsPanelProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const params = detailsParams(spec, id, path);
  const described = useQuery(detailsQueryOptions(spec, params));
  const shown = row ?? rowOf(spec, described.data);
  const pinned = spec.columns.find((column) => column.pinned);
  const pinnedValue = shown === undefined || pinned === undefined ? undefined : shown[pinned.field];
  const title = typeof pinnedValue === 'string' || typeof pinnedValue === 'number' ? String(pinnedValue) : nameOfId(id);

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      data-testid="details-panel"
      onClose={onClose}
      className="fixed inset-y-0 right-0 left-auto m-0 flex h-dvh max-h-none w-full max-w-none flex-col gap-3 overflow-y-auto border-l border-zinc-200 bg-white p-4 text-xs text-zinc-900 shadow-xl backdrop:bg-zinc-950/30 sm:max-w-md dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <header className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <p className="text-[11px] uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{spec.noun}</p>
          <h2 id={titleId} className="text-base font-semibold [overflow-wrap:anywhere]">
            {title}
          </h2>
        </div>
        <button type="button" className={buttonClass} onClick={() => dialog.current?.close()}>
          Close
        </button>
      </header>
      {shown !== undefined ? (
        <dl className="flex flex-col gap-2">
          <RowFields spec={spec} row={shown} layout="stack" />
        </dl>
      ) : described.isPending ? null : (
        <p className="text-zinc-600 dark:text-zinc-400">This row is not among the loaded rows.</p>
      )}
      {spec.details !== undefined && (
        <section
          aria-label="More details"
          className="flex flex-col gap-2 border-t border-zinc-200 pt-3 dark:border-zinc-800"
        >
          <h3 className="text-sm font-semibold">More from {spec.details.operation}</h3>
          <More spec={spec} id={id} path={path} />
        </section>
      )}
      <button type="button" className={`${ghostButtonClass} self-start`} onClick={() => dialog.current?.close()}>
        Back to the list
      </button>
    </dialog>
  );
}
