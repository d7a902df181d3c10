import 'server-only';
import type { Logger } from 'pino';
import { metrics } from '@/lib/observability/metrics';

export type CacheOutcome = 'hit' | 'shared' | 'miss';

/** What one API call did, for its audit line and its metrics. */
export interface ApiCallRecord {
  requestId: string;
  route: string;
  method: string;
  operation: string;
  user: string | null;
  params: Record<string, unknown>;
  status: number;
  durationMs: number;
  cache: CacheOutcome | undefined;
  upstreamRequestIds: readonly string[];
  code?: string;
}

const MAX_PARAM_LENGTH = 200;

/** Opaque cursors are logged by length only; long values are cut. */
export function redactParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      if (name === 'NextToken' && typeof value === 'string') return [name, `[${value.length} chars]`];
      if (typeof value === 'string' && value.length > MAX_PARAM_LENGTH)
        return [name, `${value.slice(0, MAX_PARAM_LENGTH)}…`];
      return [name, value instanceof Date ? value.toISOString() : value];
    }),
  );
}

/** The audit fields of the one JSON line logged per API call. */
export function auditFields(record: ApiCallRecord): Record<string, unknown> {
  return {
    audit: true,
    requestId: record.requestId,
    user: record.user,
    operation: record.operation,
    route: record.route,
    params: redactParams(record.params),
    status: record.status,
    ...(record.code === undefined ? {} : { code: record.code }),
    latencyMs: Math.round(record.durationMs),
    cacheHit: record.cache === 'hit' || record.cache === 'shared',
    upstreamRequestIds: record.upstreamRequestIds,
  };
}

export function recordApiCall(record: ApiCallRecord): void {
  const m = metrics();
  const status = String(record.status);
  m.requests.inc({ route: record.route, method: record.method, status });
  m.requestDuration.observe({ route: record.route, status }, record.durationMs / 1000);
  if (record.cache !== undefined) m.cacheLookups.inc({ route: record.route, result: record.cache });
}

/** Logs the call's audit line (error level for 5xx), with the caller's own fields, and counts it. */
export function auditApiCall(
  logger: Logger,
  record: ApiCallRecord,
  message = 'api call',
  extra: Record<string, unknown> = {},
): void {
  const fields = { ...extra, ...auditFields(record) };
  if (record.status >= 500) logger.error(fields, message);
  else logger.info(fields, message);
  recordApiCall(record);
}
