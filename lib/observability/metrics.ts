import 'server-only';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { processWide } from '@/lib/config/process-wide';

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function createMetrics() {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: 'dashboard_' });
  return {
    registry,
    requests: new Counter({
      name: 'dashboard_http_requests_total',
      help: 'API requests answered, by route, method and status.',
      labelNames: ['route', 'method', 'status'] as const,
      registers,
    }),
    requestDuration: new Histogram({
      name: 'dashboard_http_request_duration_seconds',
      help: 'API request latency, by route and status.',
      labelNames: ['route', 'status'] as const,
      buckets: SECONDS_BUCKETS,
      registers,
    }),
    cacheLookups: new Counter({
      name: 'dashboard_cache_lookups_total',
      help: 'Proxy cache lookups by route and result (hit, shared in-flight load, miss).',
      labelNames: ['route', 'result'] as const,
      registers,
    }),
    upstreamCalls: new Counter({
      name: 'dashboard_upstream_calls_total',
      help: 'SageMaker API calls by operation, outcome (success or the error name), account and region.',
      labelNames: ['operation', 'outcome', 'account', 'region'] as const,
      registers,
    }),
    upstreamDuration: new Histogram({
      name: 'dashboard_upstream_call_duration_seconds',
      help: 'SageMaker API call latency including SDK retries, by operation, account and region.',
      labelNames: ['operation', 'account', 'region'] as const,
      buckets: SECONDS_BUCKETS,
      registers,
    }),
    upstreamRetries: new Counter({
      name: 'dashboard_upstream_retries_total',
      help: 'SDK retries of SageMaker calls (attempts beyond the first), by operation, account and region.',
      labelNames: ['operation', 'account', 'region'] as const,
      registers,
    }),
    sharedUp: new Gauge({
      name: 'dashboard_shared_store_up',
      help: 'Whether the shared store (CACHE_URL) answers: 1 shared, 0 serving from the local cache and budget.',
      registers,
    }),
    sharedFallbacks: new Counter({
      name: 'dashboard_shared_store_fallbacks_total',
      help: 'Uses of the shared store that went local because it was unavailable, failed or was late, by use.',
      labelNames: ['use'] as const,
      registers,
    }),
    budgetCalls: new Gauge({
      name: 'dashboard_upstream_budget_calls',
      help: 'SageMaker calls started in the second before the last one, by account and region (UPSTREAM_MAX_RPS).',
      labelNames: ['account', 'region'] as const,
      registers,
    }),
    budgetLimit: new Gauge({
      name: 'dashboard_upstream_budget_limit',
      help: 'UPSTREAM_MAX_RPS: SageMaker calls allowed per second per account and region.',
      registers,
    }),
    budgetWaits: new Counter({
      name: 'dashboard_upstream_budget_waits_total',
      help: 'SageMaker calls that waited for the rate budget, by account and region.',
      labelNames: ['account', 'region'] as const,
      registers,
    }),
    budgetRefusals: new Counter({
      name: 'dashboard_upstream_budget_refusals_total',
      help: 'SageMaker calls refused (429) because the rate budget stayed spent, by account and region.',
      labelNames: ['account', 'region'] as const,
      registers,
    }),
    authRefusals: new Counter({
      name: 'dashboard_auth_refusals_total',
      help: 'Requests refused by proxy.ts, by reason.',
      labelNames: ['reason'] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** One registry per process, which hot reloads and separately bundled entries share. */
export function metrics(): Metrics {
  return processWide('metrics', createMetrics);
}

export interface UpstreamCall {
  operation: string;
  outcome: string;
  attempts: number | undefined;
  durationMs: number;
  /** The configured account name and the region of the call's source. */
  account: string;
  region: string;
}

export function recordUpstreamCall({ operation, outcome, attempts, durationMs, account, region }: UpstreamCall): void {
  const m = metrics();
  m.upstreamCalls.inc({ operation, outcome, account, region });
  m.upstreamDuration.observe({ operation, account, region }, durationMs / 1000);
  if (attempts !== undefined && attempts > 1) m.upstreamRetries.inc({ operation, account, region }, attempts - 1);
}

export interface BudgetUse {
  account: string;
  region: string;
  limit: number;
  /** Requests sent in the last second, this one included. */
  started?: number;
  /** A call that waited for its turn, or was refused. */
  outcome?: 'waited' | 'refused';
}

export function recordBudgetUse({ account, region, limit, started, outcome }: BudgetUse): void {
  const all = metrics();
  all.budgetLimit.set(limit);
  if (started !== undefined) all.budgetCalls.set({ account, region }, started);
  if (outcome === 'waited') all.budgetWaits.inc({ account, region });
  if (outcome === 'refused') all.budgetRefusals.inc({ account, region });
}

/** Whether the shared store answers, and a use of it that went local instead. */
export function recordSharedState({ up, fallback }: { up: boolean; fallback?: string }): void {
  const all = metrics();
  all.sharedUp.set(up ? 1 : 0);
  if (fallback !== undefined) all.sharedFallbacks.inc({ use: fallback });
}

export function recordAuthRefusal(reason: string): void {
  metrics().authRefusals.inc({ reason });
}

export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
