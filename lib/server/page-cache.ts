import 'server-only';
import { LRUCache } from 'lru-cache';
import { serverEnv } from '@/lib/config/env';
import { processWide } from '@/lib/config/process-wide';

export interface CachedBody {
  /** The serialized success body, shared by every reader. */
  body: string;
  upstreamCalls: number;
  upstreamRequestIds: string[];
}

export interface CacheResult {
  entry: CachedBody;
  source: 'cache' | 'shared' | 'upstream';
}

export interface LoadResult {
  entry: CachedBody;
  cacheable: boolean;
}

/** One upstream load shared by every identical request while it runs; aborted when the last of them leaves. */
interface Flight {
  result: Promise<LoadResult>;
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
function awaitFor(flight: Flight, signal: AbortSignal | undefined): Promise<LoadResult> {
  if (signal === undefined) return flight.result;
  if (signal.aborted) return Promise.reject(abortedBy(signal));
  return new Promise((resolve, reject) => {
    const leave = () => reject(abortedBy(signal));
    signal.addEventListener('abort', leave, { once: true });
    flight.result.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
  });
}

function startFlight(key: string, load: (signal: AbortSignal) => Promise<LoadResult>): Flight {
  const controller = new AbortController();
  const result = load(controller.signal).then((loaded) => {
    if (loaded.cacheable) bodies()?.set(key, loaded.entry);
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
 * Serves a fresh cached body, joins an identical request in flight, or loads; failures are never stored.
 * When every request waiting on a load has gone (its client disconnected), the load is aborted.
 */
export async function cachedOrLoad(
  key: string,
  { signal, fresh = false }: { signal?: AbortSignal | undefined; fresh?: boolean | undefined },
  load: (signal: AbortSignal) => Promise<LoadResult>,
): Promise<CacheResult> {
  const hit = fresh ? undefined : bodies()?.get(key);
  if (hit !== undefined) return { entry: hit, source: 'cache' };
  const running = inFlight.get(key);
  const flight = running ?? startFlight(key, load);
  flight.waiters += 1;
  try {
    const { entry } = await awaitFor(flight, signal);
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
