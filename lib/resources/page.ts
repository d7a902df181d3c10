import { isRecord } from './records';
import type { ColumnSpec, ResourceSpec } from './types';

/** What every item of a listing gains, whatever the listing: where it was listed. */
export type SourceFields = {
  AccountId?: string;
  AccountName?: string;
  Region?: string;
};

/** Where each row was listed, for a listing over several sources; sorted within the loaded rows. */
export const SOURCE_COLUMNS: readonly ColumnSpec<Record<string, unknown>>[] = [
  { id: 'account', header: 'Account', field: 'AccountName', cell: 'short', defaultVisible: true, sortable: 'client' },
  { id: 'region', header: 'Region', field: 'Region', cell: 'short', defaultVisible: true, sortable: 'client' },
];

/** The spec as a listing over several sources shows it: the Account and Region columns after the row's name. */
export function withSourceColumns<Spec extends ResourceSpec>(spec: Spec, several: boolean): Spec {
  if (!several) return spec;
  const at = spec.columns.findIndex((column) => column.pinned === true) + 1;
  return { ...spec, columns: [...spec.columns.slice(0, at), ...SOURCE_COLUMNS, ...spec.columns.slice(at)] };
}

export const SOURCE_STATES = ['ok', 'error', 'throttled'] as const;

/** How one source (an account in a region) answered a page. */
export interface SourceStatus {
  account: string;
  accountId?: string;
  region: string;
  status: (typeof SOURCE_STATES)[number];
  error?: { code: string; message: string };
}

/** Errors that may pass: a source left out for one of these may list when asked again. */
const PASSING_CODES: ReadonlySet<string> = new Set([
  'Throttled',
  'UpstreamTimeout',
  'UpstreamUnavailable',
  'UpstreamError',
  'UpstreamBusy',
]);

/** Whether a proxy error code may pass when the call is made again. */
export function mayPass(code: string): boolean {
  return PASSING_CODES.has(code);
}

/** The sources a page left out that may still have rows to list: the listing is not complete while there are any. */
export function sourcesLeftOut(statuses: readonly SourceStatus[]): SourceStatus[] {
  return statuses.filter(
    (status) => status.status === 'throttled' || (status.status === 'error' && mayPass(status.error?.code ?? '')),
  );
}

/**
 * One page of a listing as the proxy answers it: the API's items (each with its source, `SourceFields`),
 * the cursor, whether following stopped, and how each source answered.
 */
export interface ListPage<Row> {
  items: Row[];
  nextToken: string | null;
  budgetExhausted: boolean;
  sources: SourceStatus[];
}

/**
 * A page the dashboard's own server sent, or undefined when the body is not one (an HTML page from a proxy in
 * front, say). Its rows were checked against the API's schema on the server; here only the page's frame is.
 */
export function readListPage(body: unknown): ListPage<Record<string, unknown>> | undefined {
  if (!isRecord(body)) return undefined;
  const { items, nextToken, budgetExhausted, sources } = body;
  const framed =
    Array.isArray(items) &&
    items.every(isRecord) &&
    (nextToken === null || typeof nextToken === 'string') &&
    typeof budgetExhausted === 'boolean' &&
    Array.isArray(sources) &&
    sources.every((source) => isRecord(source) && typeof source.account === 'string');
  return framed ? (body as unknown as ListPage<Record<string, unknown>>) : undefined;
}
