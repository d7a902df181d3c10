'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { buttonClass, ghostButtonClass } from '@/components/ui/styles';
import { ApiError } from '@/lib/query/api-error';
import { detailsQueryOptions, type Details } from '@/lib/query/details-query';
import { iamAction, nameOfId, rowId } from '@/lib/resources/derive';
import { detailsParams, detailsSourceParams } from '@/lib/resources/details';
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
  /** Several sources are configured: the call names the row's account and region. */
  several: boolean;
  onClose: () => void;
}

type Described = UseQueryResult<Details>;

const noticeClass =
  'rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100';

function Notice({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <p role="status" data-testid={testId} className={noticeClass}>
      {children}
    </p>
  );
}

interface MoreProps {
  spec: ResourceSpec;
  id: string;
  described: Described;
  /** The answer is about another row than the link names. */
  mismatch: boolean;
  rowShown: boolean;
}

function More({ spec, id, described, mismatch, rowShown }: MoreProps) {
  const operation = spec.details?.operation ?? '';
  const { error } = described;
  const data = described.data?.item;
  const name = `${spec.noun} ${nameOfId(id)}`;
  if (error instanceof ApiError && error.status === 403) {
    return (
      <Notice testId="details-denied">
        More details need <code className="font-mono">{iamAction({ operation })}</code>, which the server&apos;s AWS
        identity may not call;{' '}
        {rowShown
          ? 'the fields above come from the listing.'
          : 'the row is not among the loaded ones, so only its name is known.'}
      </Notice>
    );
  }
  if ((error instanceof ApiError && error.status === 404) || mismatch) {
    return (
      <Notice testId="details-missing">
        {operation} found no {name} here: it may have been deleted, or the link names another account, region or
        listing.
      </Notice>
    );
  }
  if (error instanceof ApiError && error.status === 400) {
    return (
      <Notice testId="details-invalid">
        The link&apos;s <code className="font-mono">details=</code> is not a valid {spec.noun} ARN: {error.message}
      </Notice>
    );
  }
  if (error !== null) {
    return (
      <ErrorNotice
        title="More details could not be loaded"
        {...errorText(error)}
        onRetry={() => void described.refetch()}
      />
    );
  }
  if (data === undefined) {
    return (
      <div
        aria-busy="true"
        aria-label="Loading more details"
        className="h-24 animate-pulse rounded bg-zinc-200/70 dark:bg-zinc-800"
      />
    );
  }
  const fields = (spec.details?.fields ?? []).filter((field) => data[field] !== undefined);
  return (
    <dl data-testid="details-more" className="flex flex-col gap-2">
      {fields.map((field) => (
        <div key={field} className="flex min-w-0 flex-col gap-0.5">
          <dt className="text-[11px] uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{humanize(field)}</dt>
          <dd className="text-xs">
            <DetailsValue value={data[field]} name={humanize(field)} />
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
export function DetailsPanel({ spec, id, row, path, several, onClose }: DetailsPanelProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const nounId = useId();
  const titleId = useId();
  const params = detailsParams(spec, id, path);
  const described = useQuery(
    detailsQueryOptions(
      spec,
      params === undefined || !several ? params : { ...params, ...detailsSourceParams(id, row) },
    ),
  );
  const answer = described.data;
  const mismatch = answer !== undefined && rowId(spec, answer.item) !== id;
  // The row's own fields from the Describe answer, for a link to a row that is not loaded.
  const shown = row ?? (mismatch ? undefined : answer?.row);

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${nounId} ${titleId}`}
      data-testid="details-panel"
      onClose={onClose}
      className="fixed inset-y-0 right-0 left-auto m-0 hidden h-dvh max-h-none w-full max-w-none flex-col gap-3 overflow-y-auto border-l border-zinc-200 bg-white p-4 text-xs text-zinc-900 shadow-xl backdrop:bg-zinc-950/30 sm:max-w-md dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100 open:flex"
    >
      <header className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <p id={nounId} className="text-[11px] uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
            {spec.noun}
          </p>
          <h2 id={titleId} className="text-base font-semibold [overflow-wrap:anywhere]">
            {nameOfId(id)}
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
          <More spec={spec} id={id} described={described} mismatch={mismatch} rowShown={shown !== undefined} />
        </section>
      )}
      <button type="button" className={`${ghostButtonClass} self-start`} onClick={() => dialog.current?.close()}>
        Back to the list
      </button>
    </dialog>
  );
}
