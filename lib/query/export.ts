import { isRecord } from '@/lib/resources/records';
import { ApiError } from './api-error';
import { fetchOk } from './fetch-json';

export interface ExportFile {
  blob: Blob;
  fileName: string;
  rows: number;
}

const FILE_NAME = /filename="([^"]+)"/;

/**
 * Downloads an export as it streams, counting its rows (a CSV record or a JSON array item per line) for
 * `onRows`; aborting the signal stops it. Throws ApiError when the export cannot start.
 */
export async function fetchExport(
  url: string,
  format: 'csv' | 'json',
  signal: AbortSignal,
  onRows: (rows: number) => void,
): Promise<ExportFile> {
  const response = await fetchOk(url, signal, { cache: 'no-store' });
  const body = response.body;
  if (body === null) throw new ApiError(0, 'NetworkError', 'The export came back empty.');
  const reader = body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  // Records end at a line break outside quotes (a CSV field may hold one; JSON escapes them): CSV has a header
  // record first, JSON "[" on a line of its own, then one item per line.
  let lines = 0;
  let quoted = false;
  let reported = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    for (const byte of value) {
      if (format === 'csv' && byte === 34) quoted = !quoted;
      else if (byte === 10 && !quoted) lines += 1;
    }
    const now = Date.now();
    if (now - reported >= 250) {
      reported = now;
      onRows(Math.max(0, lines - 1));
    }
  }
  const rows = Math.max(0, format === 'csv' ? lines - 1 : lines - 2);
  onRows(rows);
  const type = format === 'csv' ? 'text/csv' : 'application/json';
  const fileName = FILE_NAME.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `export.${format}`;
  return { blob: new Blob(chunks, { type }), fileName, rows };
}

/**
 * Every row of a listing from its JSON export, parsed as it streams (the export writes one item per line);
 * `onRows` hears the count so far.
 */
export async function fetchAllRows(
  url: string,
  signal: AbortSignal,
  onRows: (rows: number) => void,
): Promise<Record<string, unknown>[]> {
  const response = await fetchOk(url, signal, { cache: 'no-store' });
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (reader === undefined) throw new ApiError(0, 'NetworkError', 'The listing came back empty.');
  const rows: Record<string, unknown>[] = [];
  let rest = '';
  const take = (line: string) => {
    const item = line.trim().replace(/,$/, '');
    if (item === '' || item === '[' || item === ']') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(item);
    } catch {
      parsed = undefined;
    }
    if (!isRecord(parsed)) throw new ApiError(0, 'UnexpectedResponse', 'The listing holds a line that is not a row.');
    rows.push(parsed);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const lines = (rest + value).split('\n');
    rest = lines.pop() ?? '';
    lines.forEach(take);
    onRows(rows.length);
  }
  take(rest);
  onRows(rows.length);
  return rows;
}
