import 'server-only';
import { LRUCache } from 'lru-cache';
import { serverEnv } from '@/lib/config/env';
import { processWide } from '@/lib/config/process-wide';
import type { SageMakerBackend } from '@/lib/sagemaker/client';
import { listPage, type ListOperationSpec } from '@/lib/sagemaker/list-operation';
import { cacheKey } from '../cache-key';
import type { SourcePageAnswer } from './merge-page';

type Row = Record<string, unknown>;

interface StoredPage extends SourcePageAnswer<Row> {
  upstreamRequestId: string | undefined;
}

export interface SourcePageResult extends StoredPage {
  /** False when this read made the upstream call. */
  cached: boolean;
}

/**
 * A continuation page stays this long: a merged listing asks a source for the page holding its next row again
 * on every merged page, and that page is the one it fetched last time, not a newer one.
 */
const CONTINUATION_TTL_MS = 15 * 60_000;

const shared = processWide('source-pages', () => ({
  pages: undefined as LRUCache<string, StoredPage> | undefined,
  inFlight: new Map<string, Promise<StoredPage>>(),
}));
const { inFlight } = shared;

function store(): LRUCache<string, StoredPage> {
  const env = serverEnv();
  // Its own bounds, larger than the response cache's: the pages merged listings are reading must outlive the
  // traffic of other listings, or each merged page would ask its sources again.
  shared.pages ??= new LRUCache<string, StoredPage>({
    max: env.PROXY_CACHE_MAX_ENTRIES * 10,
    maxSize: env.PROXY_CACHE_MAX_BYTES * 2,
    sizeCalculation: (page, key) => Math.max(1, (JSON.stringify(page.items).length + key.length) * 2),
  });
  return shared.pages;
}

export interface SourcePageRequest {
  query: Record<string, unknown>;
  path: Record<string, unknown>;
  token: string | null;
  size: number;
  /** Skip a cached first page (a user's Refresh); continuation pages are the same whenever they are read. */
  fresh: boolean;
  /**
   * The listing's snapshot: its first page of this source is kept under it as long as continuation pages, so the
   * listing's later pages read the rows it started from, not a first page that has changed since.
   */
  snapshot: string;
}

/**
 * One upstream page of one source, kept and shared: identical requests in flight make one call, and a
 * continuation page is read again from here rather than from upstream. The call runs to its end even when the
 * merged page stops waiting for it, so asking again finds it.
 */
export function sourcePage(
  spec: ListOperationSpec<Row> & { id: string },
  backend: SageMakerBackend,
  request: SourcePageRequest,
): Promise<SourcePageResult> {
  const { query, path, token, size, fresh, snapshot } = request;
  const key = cacheKey(`${spec.id}:source`, backend.identity, {
    ...query,
    ...path,
    NextToken: token,
    MaxResults: size,
  });
  const cache = store();
  const kept = token === null ? `${snapshot}\n${key}` : key;
  const ttl = token === null ? serverEnv().PROXY_CACHE_TTL_MS : CONTINUATION_TTL_MS;
  const keep = (page: StoredPage) => {
    if (kept !== key) cache.set(kept, page, { ttl: CONTINUATION_TTL_MS });
  };
  const hit = cache.get(kept) ?? (fresh && token === null ? undefined : cache.get(key));
  if (hit !== undefined) {
    keep(hit);
    return Promise.resolve({ ...hit, cached: true });
  }
  const running = inFlight.get(key);
  if (running !== undefined) {
    return running.then((page) => {
      keep(page);
      return { ...page, cached: true };
    });
  }
  const load = listPage(spec, backend, { query, path, maxResults: size, nextToken: token ?? undefined })
    .then((page): StoredPage => {
      const stored = { items: page.items, nextToken: page.nextToken ?? null, upstreamRequestId: page.requestId };
      if (ttl > 0) cache.set(key, stored, { ttl });
      keep(stored);
      return stored;
    })
    .finally(() => inFlight.delete(key));
  inFlight.set(key, load);
  return load.then((page) => ({ ...page, cached: false }));
}

export function resetSourcePagesForTests(): void {
  shared.pages = undefined;
  inFlight.clear();
}
