import 'server-only';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { serverEnv } from '@/lib/config/env';
import { processWide } from '@/lib/config/process-wide';
import type { SageMakerBackend } from '@/lib/sagemaker/client';
import { listPage, type ListOperationSpec } from '@/lib/sagemaker/list-operation';
import { throughFleet } from '@/lib/shared/flight';
import { sharedStore, type SharedStore } from '@/lib/shared/store';
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

const storedPage = z.strictObject({
  items: z.array(z.record(z.string(), z.unknown())),
  nextToken: z.string().nullable(),
  upstreamRequestId: z.string().optional(),
});

/** A page as the shared store gave it back, when it is one; anything else is read as a miss. */
function decodePage(value: unknown): StoredPage | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = storedPage.safeParse(JSON.parse(value));
    if (!parsed.success) return undefined;
    const { items, nextToken, upstreamRequestId } = parsed.data;
    return { items, nextToken, upstreamRequestId };
  } catch {
    return undefined;
  }
}

/**
 * A listing's first page of a source as any replica first read it for that listing's snapshot. The fleet keeps
 * each page once, by its content, and each snapshot names the page it read.
 */
async function keptByFleet(store: SharedStore | undefined, kept: string): Promise<StoredPage | undefined> {
  if (store === undefined) return undefined;
  const digest = await store.run('snapshot', (redis) => redis.get(store.hashedKey('snapshot', kept)));
  if (typeof digest !== 'string' || !/^[\w-]{43}$/.test(digest)) return undefined;
  return decodePage(await store.run('snapshot', (redis) => redis.get(store.key('page', digest))));
}

function keepForFleet(store: SharedStore | undefined, kept: string, page: StoredPage): void {
  if (store === undefined) return;
  const json = JSON.stringify(page);
  const digest = createHash('sha256').update(json).digest('base64url');
  const expiration = { type: 'PX', value: CONTINUATION_TTL_MS } as const;
  void store.run('snapshot', (redis) =>
    redis
      .multi()
      .set(store.key('page', digest), json, { expiration })
      .set(store.hashedKey('snapshot', kept), digest, { expiration })
      .exec(),
  );
}

/** Nothing aborts a source's page: it runs to its end so asking again finds it. */
const NEVER = new AbortController().signal;

/** The page from the fleet's cache, another replica's call, or this replica's own call. */
async function fleetPage(
  store: SharedStore | undefined,
  key: string,
  { fresh, ttlMs }: { fresh: boolean; ttlMs: number },
  load: () => Promise<StoredPage>,
): Promise<StoredPage> {
  let own: StoredPage | undefined;
  const answer = await throughFleet(store, key, { fresh, ttlMs, signal: NEVER }, async () => {
    own = await load();
    return { value: JSON.stringify(own), cacheable: true };
  });
  if (own !== undefined) return own;
  return decodePage(answer.value) ?? (await load());
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
  /** The snapshot was made for this page: no replica kept a page under it yet. */
  snapshotIsNew?: boolean;
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
  const fleet = sharedStore();
  const kept = token === null ? `${snapshot}\n${key}` : key;
  const ttl = token === null ? serverEnv().PROXY_CACHE_TTL_MS : CONTINUATION_TTL_MS;
  const keep = (page: StoredPage) => {
    if (kept === key) return;
    if (!cache.has(kept)) keepForFleet(fleet, kept, page);
    cache.set(kept, page, { ttl: CONTINUATION_TTL_MS });
  };
  const hit = cache.get(kept) ?? (fresh && token === null ? undefined : cache.get(key));
  if (hit !== undefined) {
    keep(hit);
    return Promise.resolve({ ...hit, cached: true });
  }
  return sourcePageOnMiss(spec, backend, request, { key, kept, ttl, fleet, keep });
}

/** A page this process has not kept: the snapshot's copy in the fleet, a call in flight here, or a new one. */
async function sourcePageOnMiss(
  spec: ListOperationSpec<Row> & { id: string },
  backend: SageMakerBackend,
  { query, path, token, size, fresh, snapshotIsNew }: SourcePageRequest,
  {
    key,
    kept,
    ttl,
    fleet,
    keep,
  }: {
    key: string;
    kept: string;
    ttl: number;
    fleet: SharedStore | undefined;
    keep: (page: StoredPage) => void;
  },
): Promise<SourcePageResult> {
  const cache = store();
  if (kept !== key && snapshotIsNew !== true) {
    const snapshotPage = await keptByFleet(fleet, kept);
    if (snapshotPage !== undefined) {
      cache.set(kept, snapshotPage, { ttl: CONTINUATION_TTL_MS });
      return { ...snapshotPage, cached: true };
    }
  }
  const running = inFlight.get(key);
  if (running !== undefined) {
    const page = await running;
    keep(page);
    return { ...page, cached: true };
  }
  let called = false;
  const call = () => {
    called = true;
    return listPage(spec, backend, { query, path, maxResults: size, nextToken: token ?? undefined }).then(
      (page): StoredPage => ({
        items: page.items,
        nextToken: page.nextToken ?? null,
        upstreamRequestId: page.requestId,
      }),
    );
  };
  const load = fleetPage(fleet, key, { fresh: fresh && token === null, ttlMs: ttl }, call)
    .then((stored) => {
      if (ttl > 0) cache.set(key, stored, { ttl });
      keep(stored);
      return stored;
    })
    .finally(() => inFlight.delete(key));
  inFlight.set(key, load);
  const page = await load;
  return { ...page, cached: !called };
}

export function resetSourcePagesForTests(): void {
  shared.pages = undefined;
  inFlight.clear();
}
