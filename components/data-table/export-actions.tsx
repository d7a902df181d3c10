'use client';

import { useEffect, useRef, useState } from 'react';
import { buttonClass, ghostButtonClass } from '@/components/ui/styles';
import { fetchExport } from '@/lib/query/export';
import { apiPath } from '@/lib/resources/derive';
import type { ResourceSpec } from '@/lib/resources/types';
import { exportUrl, rangeApiParams, type ApiParams } from '@/lib/url/api-query';
import type { ViewValues } from '@/lib/url/view';
import { errorText } from './table-footer';

type Format = 'csv' | 'json';

interface ExportActionsProps {
  spec: ResourceSpec;
  path: Record<string, string>;
  values: ViewValues;
  resolvedRanges: ApiParams | undefined;
}

type State =
  | { kind: 'idle' }
  | { kind: 'running'; format: Format; rows: number }
  | { kind: 'done'; format: Format; rows: number }
  | { kind: 'failed'; message: string };

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Export CSV / Export JSON: the whole filtered listing, with the rows so far while it streams, and Cancel. */
export function ExportActions({ spec, path, values, resolvedRanges }: ExportActionsProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);
  const buttons = useRef<Record<Format, HTMLButtonElement | null>>({ csv: null, json: null });
  const cancel = useRef<HTMLButtonElement | null>(null);
  // Leaving the page stops the download.
  useEffect(() => () => running.current?.abort(), []);

  async function start(format: Format) {
    const abort = new AbortController();
    running.current = abort;
    setState({ kind: 'running', format, rows: 0 });
    const ranges = resolvedRanges ?? rangeApiParams(spec, values, Date.now());
    try {
      const file = await fetchExport(
        exportUrl(spec, apiPath(spec, path), values, ranges, format),
        format,
        abort.signal,
        (rows) => setState({ kind: 'running', format, rows }),
      );
      save(file.blob, file.fileName);
      setState({ kind: 'done', format, rows: file.rows });
    } catch (error) {
      setState(abort.signal.aborted ? { kind: 'idle' } : { kind: 'failed', message: errorText(error).message });
    } finally {
      if (running.current === abort) running.current = null;
      // Cancel goes away with the download: focus goes back to the button that started it.
      const focused = document.activeElement;
      if (focused === null || focused === document.body || focused === cancel.current) buttons.current[format]?.focus();
    }
  }

  const busy = state.kind === 'running';
  return (
    <>
      <button
        ref={(element) => {
          buttons.current.csv = element;
        }}
        type="button"
        className={`${buttonClass} aria-disabled:cursor-wait aria-disabled:opacity-60`}
        aria-disabled={busy}
        onClick={busy ? undefined : () => void start('csv')}
      >
        Export CSV
      </button>
      <button
        ref={(element) => {
          buttons.current.json = element;
        }}
        type="button"
        className={`${buttonClass} aria-disabled:cursor-wait aria-disabled:opacity-60`}
        aria-disabled={busy}
        onClick={busy ? undefined : () => void start('json')}
      >
        Export JSON
      </button>
      <span role="status" data-testid="export-status" className="text-xs text-zinc-600 dark:text-zinc-400">
        {state.kind === 'running' &&
          `Exporting ${state.format.toUpperCase()}… ${state.rows.toLocaleString('en-US')} rows`}
        {state.kind === 'done' &&
          `Exported ${state.rows.toLocaleString('en-US')} rows as ${state.format.toUpperCase()}`}
        {state.kind === 'failed' && (
          <span className="text-red-800 dark:text-red-300">Export failed: {state.message}</span>
        )}
      </span>
      {state.kind === 'running' && (
        <button ref={cancel} type="button" className={ghostButtonClass} onClick={() => running.current?.abort()}>
          Cancel export
        </button>
      )}
    </>
  );
}
