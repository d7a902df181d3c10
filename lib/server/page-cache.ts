import 'server-only';
import { LRUCache } from 'lru-cache';
import { serverEnv } from './env';

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

let cache: LRUCache<string, CachedBody> | undefined;
const inFlight = new Map<string, Promise<LoadResult>>();

function bodies(): LRUCache<string, CachedBody> | undefined {
  const env = serverEnv();
  if (env.PROXY_CACHE_TTL_MS === 0) return undefined;
  cache ??= new LRUCache<string, CachedBody>({
    max: env.PROXY_CACHE_MAX_ENTRIES,
    maxSize: env.PROXY_CACHE_MAX_BYTES,
    sizeCalculation: (value, key) => Math.max(1, (value.body.length + key.length) * 2),
    ttl: env.PROXY_CACHE_TTL_MS,
  });
  return cache;
}

/** Serves a fresh cached body, joins an identical request in flight, or loads; failures are never stored. */
export async function cachedOrLoad(key: string, load: () => Promise<LoadResult>): Promise<CacheResult> {
  const store = bodies();
  const hit = store?.get(key);
  if (hit !== undefined) return { entry: hit, source: 'cache' };
  const running = inFlight.get(key);
  if (running !== undefined) return { entry: (await running).entry, source: 'shared' };
  const loading = load();
  inFlight.set(key, loading);
  try {
    const result = await loading;
    if (result.cacheable) store?.set(key, result.entry);
    return { entry: result.entry, source: 'upstream' };
  } finally {
    inFlight.delete(key);
  }
}

export function resetCacheForTests(): void {
  cache = undefined;
  inFlight.clear();
}
