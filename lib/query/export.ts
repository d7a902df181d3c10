import { withBasePath } from '@/lib/url/base-path';
import { ApiError, errorFromResponse } from './api-error';

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
  let response: Response;
  try {
    response = await fetch(withBasePath(url), { signal, cache: 'no-store' });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError(0, 'NetworkError', 'The server could not be reached. Check your connection and retry.');
  }
  if (!response.ok) throw await errorFromResponse(response);
  const body = response.body;
  if (body === null) throw new ApiError(0, 'NetworkError', 'The export came back empty.');
  const reader = body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    for (const byte of value) if (byte === 10) lines += 1;
    // CSV: a header line first; JSON: "[" on a line of its own, then one item per line.
    onRows(Math.max(0, lines - 1));
  }
  const rows = Math.max(0, format === 'csv' ? lines - 1 : lines - 2);
  onRows(rows);
  const type = format === 'csv' ? 'text/csv' : 'application/json';
  const fileName = FILE_NAME.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `export.${format}`;
  return { blob: new Blob(chunks, { type }), fileName, rows };
}
