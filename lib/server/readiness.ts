import 'server-only';
import { sageMakerBackend } from '@/lib/sagemaker/client';
import { home, registeredId } from '@/lib/resources/registry';
import { listingOf } from '@/lib/resources/schemas/registry';
import { listPage } from '@/lib/sagemaker/list-operation';
import { serverEnv } from '@/lib/config/env';
import { proxyLogger } from '@/lib/observability/logger';
import { catalogSources, type CatalogSource } from '@/lib/config/sources';
import { sharedStore } from '@/lib/shared/store';
import { upstreamContext } from './listing';
import { fromUpstream } from './upstream-error';

export type Readiness = { ready: true; latencyMs: number } | { ready: false; reason: string };

interface SourceReadiness {
  source: string;
  result: Readiness;
}

const REUSE_MS = 5_000;
let last: { at: number; result: Promise<Readiness> } | undefined;

/** The first listing of the navigation: it needs no route parameters, so one signed call proves the way there. */
const probed = () => listingOf(registeredId(home()));

async function probeSource(source: CatalogSource): Promise<SourceReadiness> {
  const started = performance.now();
  const waitMs = serverEnv().READY_TIMEOUT_MS;
  const signal = AbortSignal.timeout(waitMs);
  try {
    const request = { query: {}, path: {}, maxResults: 1, nextToken: undefined, signal, lane: 'readiness' };
    await listPage(probed(), sageMakerBackend(source), request);
    return { source: source.key, result: { ready: true, latencyMs: Math.round(performance.now() - started) } };
  } catch (error) {
    if (signal.aborted) {
      const reason = `UpstreamTimeout: SageMaker did not answer within ${waitMs} ms.`;
      return { source: source.key, result: { ready: false, reason } };
    }
    const mapped = fromUpstream(error, upstreamContext(probed(), []));
    return { source: source.key, result: { ready: false, reason: `${mapped.code}: ${mapped.message}` } };
  }
}

/** Ready when any source answers: one account refusing its role must not take the dashboard out of service. */
async function probe(): Promise<Readiness> {
  const results = await Promise.all(catalogSources().sources.map(probeSource));
  const ready = results.find((entry) => entry.result.ready);
  if (ready !== undefined) return ready.result;
  // The probe answers without sign-in: it names the failures by code only (a refused role's message names the
  // role), and logs which source said what.
  const reasons = results.map((entry) => `${entry.source}: ${entry.result.ready ? 'ok' : entry.result.reason}`);
  proxyLogger().warn({ sources: reasons }, 'readiness: no source answers');
  const codes = [...new Set(results.map((entry) => (entry.result.ready ? '' : entry.result.reason.split(':')[0])))];
  if (results.length === 1)
    return { ready: false, reason: `${codes.join('')}: SageMaker cannot be listed; see the log.` };
  return { ready: false, reason: `No source answers (${codes.join(', ')}).` };
}

/**
 * Signs and sends the first listing's call with MaxResults=1, in a lane of its own so a busy server still says it
 * can reach SageMaker; one probe per few seconds however often this is asked.
 */
export function checkReadiness(now = Date.now()): Promise<Readiness> {
  if (last === undefined || now - last.at >= REUSE_MS) last = { at: now, result: probe() };
  return last.result;
}

export async function readinessResponse(): Promise<Response> {
  const result = await checkReadiness();
  // Whether replicas share their cache and budget right now; a replica without the store still serves.
  const store = sharedStore();
  const shared = store === undefined ? {} : { shared: store.state() };
  const body = result.ready
    ? { status: 'ready', latencyMs: result.latencyMs, ...shared }
    : { status: 'unavailable', reason: result.reason, ...shared };
  return Response.json(body, { status: result.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}

export function resetReadinessForTests(): void {
  last = undefined;
}
