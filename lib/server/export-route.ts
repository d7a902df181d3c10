import 'server-only';
import { proxyLogger } from '@/lib/observability/logger';
import type { FilterSpec } from '@/lib/resources/types';
import { errorResponse } from '@/lib/server/http/respond';
import { invalidParameter, ProxyError } from '@/lib/server/http/proxy-error';
import { callerOf } from './caller';
import { fullListing } from './full/full-listing';
import { audit, refusedRequest, upstreamContext, type ListingSpec, type PageQuery } from './listing';
import { readListInput, type ListInput, type RouteContext } from './list-route';
import { readQueryParams } from './query-params';
import { fromUpstream } from './upstream-error';

type Row = Record<string, unknown>;
type ExportSpec = ListingSpec<PageQuery, object, Row> & {
  filters: readonly FilterSpec[];
  row: { shape: Record<string, unknown> } & ListingSpec<PageQuery, object, Row>['row'];
};

const FORMATS = ['csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** A failure of one source among several names it, so the export can be asked again without it. */
function exportError(thrown: unknown, upstream: ReturnType<typeof upstreamContext>): ProxyError {
  const error = fromUpstream(thrown, upstream);
  const source: unknown = thrown instanceof Error ? Reflect.get(thrown, 'source') : undefined;
  if (typeof source !== 'string') return error;
  const [account = source, region = ''] = source.split('/');
  const where = region === '' ? account : `${account} in ${region}`;
  return new ProxyError(
    error.status,
    error.code,
    `${where}: ${error.message} Export without it (Accounts, Regions) to have the rest.`,
    error.details,
  );
}

/**
 * A CSV field per RFC 4180: quoted when it holds a comma, a quote or a line break; objects as JSON. Text that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`, as OWASP advises:
 * descriptions and failure reasons are written by whoever registered the model.
 */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The browser-side filters, as the page's URL names them (`status=A,B`): a row is kept when each allows it. */
function browserFilters(spec: ExportSpec, params: Record<string, string>) {
  const checks: ((row: Row) => boolean)[] = [];
  for (const filter of spec.filters) {
    if (filter.kind !== 'multiEnum') continue;
    const raw = params[filter.id];
    delete params[filter.id];
    if (raw === undefined) continue;
    const wanted = raw.split(',').map((part) => part.trim());
    const unknown = wanted.filter(
      (part) => !filter.options.some((option) => option.toLowerCase() === part.toLowerCase()),
    );
    if (unknown.length > 0) {
      throw invalidParameter(
        filter.id,
        `${filter.id} has unknown values ${unknown.join(', ')}; use ${filter.options.join(', ')}.`,
      );
    }
    const allowed = new Set(
      filter.options.filter((option) => wanted.some((part) => part.toLowerCase() === option.toLowerCase())),
    );
    checks.push((row) => allowed.has(String(row[filter.field])));
  }
  return (row: Row) => checks.every((check) => check(row));
}

function fileName(spec: ExportSpec, format: Format): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${spec.id}-${stamp}.${format}`;
}

/**
 * GET …/export?format=csv|json&<the list route's parameters>&<browser-side filters>: the whole filtered listing,
 * every source, in its order, streamed as it is read (memory stays flat in the number of rows), as a download.
 */
export function exportRoute(spec: ExportSpec) {
  const downloadHeaders = (format: Format, requestId: string) => ({
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName(spec, format)}"`,
    'cache-control': 'no-store',
    'x-request-id': requestId,
  });

  async function GET(request: Request, context: RouteContext): Promise<Response> {
    const started = performance.now();
    const url = new URL(request.url);
    const caller = callerOf(request, `${spec.id}:export`);
    const upstream = upstreamContext(spec, caller.sentParams);
    let format: Format;
    let input: ListInput<PageQuery, object>;
    let keep: (row: Row) => boolean;
    try {
      const { format: rawFormat, ...params } = readQueryParams(url);
      const chosen = FORMATS.find((candidate) => candidate === (rawFormat ?? 'csv').toLowerCase());
      if (chosen === undefined) throw invalidParameter('format', 'format must be csv or json.');
      format = chosen;
      keep = browserFilters(spec, params);
      if (params.NextToken !== undefined) throw invalidParameter('NextToken', 'An export lists from the start.');
      input = await readListInput(spec, params, (await context.params) ?? {});
    } catch (thrown) {
      return errorResponse(refusedRequest(spec, caller, url, started, thrown), caller.requestId);
    }

    // A HEAD (a link checker, a probe) learns what the download would be without listing a single page.
    if (request.method === 'HEAD')
      return new Response(null, { status: 200, headers: downloadHeaders(format, caller.requestId) });

    const abort = new AbortController();
    if (request.signal.aborted) abort.abort();
    else request.signal.addEventListener('abort', () => abort.abort(), { once: true });
    const rows = fullListing(spec, { ...input, path: { ...input.path } }, caller, upstream, abort.signal);
    const params = Object.fromEntries(url.searchParams);
    let count = 0;
    let finished = false;
    // One audit line per export, however it ends.
    const finish = (status: number, error?: ProxyError) => {
      if (finished) return;
      finished = true;
      audit(spec, caller, { ...params, rows: count }, { status, started, ...(error === undefined ? {} : { error }) });
    };

    // The first rows decide the status: a listing that cannot start is an error answer, not a broken download.
    let first: IteratorResult<Row[]>;
    try {
      first = await rows.next();
    } catch (thrown) {
      const error = abort.signal.aborted
        ? new ProxyError(499, 'ClientClosedRequest', 'The client went away before the answer was ready.')
        : exportError(thrown, upstream);
      finish(error.status, error);
      return errorResponse(error, caller.requestId);
    }

    const fields = Object.keys(spec.row.shape);
    const encoder = new TextEncoder();
    let opened = false;
    const encode = (batch: Row[]): string => {
      const kept = batch.filter(keep);
      let text = '';
      for (const row of kept) {
        if (format === 'csv') text += `${fields.map((field) => csvField(row[field])).join(',')}\r\n`;
        else text += `${opened ? ',\n' : ''}${JSON.stringify(row)}`;
        opened = true;
        count += 1;
      }
      return text;
    };
    let pendingFirst: Row[] | undefined = first.done === true ? undefined : first.value;
    let ended = first.done === true;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(format === 'csv' ? `${fields.map(csvField).join(',')}\r\n` : '[\n'));
      },
      async pull(controller) {
        try {
          for (;;) {
            let batch: Row[] | undefined = pendingFirst;
            pendingFirst = undefined;
            if (batch === undefined && !ended) {
              const next = await rows.next();
              if (next.done === true) ended = true;
              else batch = next.value;
            }
            if (batch === undefined) {
              if (format === 'json') controller.enqueue(encoder.encode(opened ? '\n]\n' : ']\n'));
              controller.close();
              finish(200);
              return;
            }
            const text = encode(batch);
            if (text !== '') {
              controller.enqueue(encoder.encode(text));
              return;
            }
          }
        } catch (thrown) {
          if (abort.signal.aborted) return;
          const error = exportError(thrown, upstream);
          proxyLogger().warn({ requestId: caller.requestId, code: error.code }, 'export stopped: the listing failed');
          finish(error.status, error);
          controller.error(error);
        }
      },
      cancel() {
        abort.abort();
        void rows.return(undefined);
        finish(499, new ProxyError(499, 'ClientClosedRequest', 'The client stopped the download.'));
      },
    });
    return new Response(stream, { status: 200, headers: downloadHeaders(format, caller.requestId) });
  }
  return { GET };
}
