import 'server-only';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { serverEnv } from '@/lib/config/env';
import { processWide } from '@/lib/config/process-wide';
import { throughFleet } from '@/lib/shared/flight';
import { sharedStore } from '@/lib/shared/store';

export interface CachedBody {
  /** The serialized success body, shared by every reader. */
  body: string;
  upstreamCalls: number;
  upstreamRequestIds: string[];
}

export interface CacheResult {
  entry: CachedBody;
  source: 'cache' | 'shared' | 'upstream';
  /** Served by the fleet's shared store: its cache, or another replica's call. */
  fleet?: true;
}

export interface LoadResult {
  entry: CachedBody;
  cacheable: boolean;
}

interface FlightResult extends LoadResult {
  from: 'cache' | 'flight' | 'load';
  ttlLeftMs?: number;
}

/** One upstream load shared by every identical request while it runs; aborted when the last of them leaves. */
interface Flight {
  result: Promise<FlightResult>;
  controller: AbortController;
  waiters: number;
}

const shared = processWide('page-cache', () => ({
  cache: undefined as LRUCache<string, CachedBody> | undefined,
  inFlight: new Map<string, Flight>(),
}));
const { inFlight } = shared;

function bodies(): LRUCache<string, CachedBody> | undefined {
  const env = serverEnv();
  if (env.PROXY_CACHE_TTL_MS === 0) return undefined;
  shared.cache ??= new LRUCache<string, CachedBody>({
    max: env.PROXY_CACHE_MAX_ENTRIES,
    maxSize: env.PROXY_CACHE_MAX_BYTES,
    sizeCalculation: (value, key) => Math.max(1, (value.body.length + key.length) * 2),
    ttl: env.PROXY_CACHE_TTL_MS,
  });
  return shared.cache;
}

function abortedBy(signal: AbortSignal): unknown {
  return signal.reason ?? Object.assign(new Error('The request was aborted.'), { name: 'AbortError' });
}

/** The flight's result for one waiter, who stops waiting (with an AbortError) when its own signal aborts. */
function awaitFor(flight: Flight, signal: AbortSignal | undefined): Promise<FlightResult> {
  if (signal === undefined) return flight.result;
  if (signal.aborted) return Promise.reject(abortedBy(signal));
  return new Promise((resolve, reject) => {
    const leave = () => reject(abortedBy(signal));
    signal.addEventListener('abort', leave, { once: true });
    flight.result.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
  });
}

const stored = z.strictObject({
  upstreamCalls: z.number().int().min(0),
  upstreamRequestIds: z.array(z.string().max(256)).max(1_000),
  cacheable: z.boolean(),
});

/** A body as the shared store keeps it: its metadata on the first line, then the body as sent. */
function encode({ entry, cacheable }: LoadResult): string {
  const { upstreamCalls, upstreamRequestIds } = entry;
  return `${JSON.stringify({ upstreamCalls, upstreamRequestIds, cacheable })}\n${entry.body}`;
}

/** What the shared store gave back, when it is what `encode` wrote; anything else is read as a miss. */
function decode(value: string): LoadResult | undefined {
  const end = value.indexOf('\n');
  if (end < 0) return undefined;
  let meta: unknown;
  try {
    meta = JSON.parse(value.slice(0, end));
  } catch {
    return undefined;
  }
  const parsed = stored.safeParse(meta);
  if (!parsed.success) return undefined;
  const { cacheable, ...counts } = parsed.data;
  return { entry: { body: value.slice(end + 1), ...counts }, cacheable };
}

/** This replica's load, shared with the fleet when a shared store is configured (CACHE_URL). */
async function loadForFleet(
  key: string,
  fresh: boolean,
  signal: AbortSignal,
  load: (signal: AbortSignal) => Promise<LoadResult>,
): Promise<FlightResult> {
  let own: LoadResult | undefined;
  const answer = await throughFleet(
    sharedStore(),
    key,
    { fresh, ttlMs: serverEnv().PROXY_CACHE_TTL_MS, signal },
    async (loadSignal) => {
      own = await load(loadSignal);
      return { value: encode(own), cacheable: own.cacheable };
    },
  );
  if (answer.from === 'load' && own !== undefined) return { ...own, from: 'load' };
  const shared = decode(answer.value);
  if (shared === undefined) {
    // Not what this layout writes (a corrupt or foreign value): a fresh load through the fleet replaces it, once.
    if (!fresh) return loadForFleet(key, true, signal, load);
    return { ...(await load(signal)), from: 'load' };
  }
  const ttlLeftMs =
    answer.ttlLeftMs === undefined ? undefined : Math.min(answer.ttlLeftMs, serverEnv().PROXY_CACHE_TTL_MS);
  return { ...shared, from: answer.from, ...(ttlLeftMs === undefined ? {} : { ttlLeftMs }) };
}

function startFlight(key: string, fresh: boolean, load: (signal: AbortSignal) => Promise<LoadResult>): Flight {
  const controller = new AbortController();
  const result = loadForFleet(key, fresh, controller.signal, load).then((loaded) => {
    if (loaded.cacheable)
      bodies()?.set(key, loaded.entry, loaded.ttlLeftMs === undefined ? {} : { ttl: loaded.ttlLeftMs });
    return loaded;
  });
  const flight: Flight = { result, controller, waiters: 0 };
  // Every waiter may have left already; the outcome is then nobody's, and must not surface as unhandled.
  result
    .catch(() => undefined)
    .finally(() => {
      if (inFlight.get(key) === flight) inFlight.delete(key);
    });
  inFlight.set(key, flight);
  return flight;
}

/**
 * Serves a fresh cached body (this process's, then the fleet's), joins an identical request in flight (here,
 * then on another replica), or loads; failures are never stored. When every request waiting on a load has gone
 * (its client disconnected), the load is aborted.
 */
export async function cachedOrLoad(
  key: string,
  { signal, fresh = false }: { signal?: AbortSignal | undefined; fresh?: boolean | undefined },
  load: (signal: AbortSignal) => Promise<LoadResult>,
): Promise<CacheResult> {
  const hit = fresh ? undefined : bodies()?.get(key);
  if (hit !== undefined) return { entry: hit, source: 'cache' };
  const running = inFlight.get(key);
  const flight = running ?? startFlight(key, fresh, load);
  flight.waiters += 1;
  try {
    const { entry, from } = await awaitFor(flight, signal);
    if (from === 'cache') return { entry, source: 'cache', fleet: true };
    if (from === 'flight') return { entry, source: 'shared', fleet: true };
    return { entry, source: running === undefined ? 'upstream' : 'shared' };
  } finally {
    flight.waiters -= 1;
    if (flight.waiters === 0 && inFlight.get(key) === flight) {
      inFlight.delete(key);
      flight.controller.abort();
    }
  }
}

export function resetCacheForTests(): void {
  shared.cache = undefined;
  inFlight.clear();
}
