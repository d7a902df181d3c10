import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { processWide } from '@/lib/config/process-wide';
import { invalidParameter } from '@/lib/server/http/proxy-error';
import { OFFLINE, sharedStore } from '@/lib/shared/store';
import type { SourcePosition } from './merge-page';

/** Where every source of a merged listing stands, bound to the listing it continues. */
export interface MergedCursor {
  /** The listing: its resource, parameters and sources, hashed. */
  listing: string;
  /** The upstream page size every source is asked with, so a page asked again is the same page. */
  pageSize: number;
  /** Names the sources' first pages as this listing read them, kept for its later pages. */
  snapshot: string;
  positions: Record<string, SourcePosition>;
}

const brief = z
  .record(z.string().max(64), z.union([z.string().max(2048), z.number()]))
  .refine((value) => Object.keys(value).length <= 8);

const position = z.union([
  z.strictObject({ done: z.literal(true) }),
  z.strictObject({
    t: z.string().max(8192).nullable(),
    s: z.number().int().min(0).max(100),
    skipped: z.string().max(64),
    last: brief.optional(),
  }),
  z.strictObject({ t: z.string().max(8192).nullable(), s: z.number().int().min(0).max(100), last: brief.optional() }),
]);

const cursorSchema = z.strictObject({
  v: z.literal(1),
  l: z.string().length(22),
  n: z.number().int().min(1).max(100),
  g: z.string().regex(/^[\w-]{16}$/),
  p: z.record(z.string().max(80), position),
});

const INLINE = 'm1.';
const STORED = 'm1s.';
/**
 * Longer cursors are kept on the server (in this process, and in the shared store for the other replicas, for
 * half an hour) and named by an id, so every URL stays well under header limits.
 */
const MAX_INLINE = 4096;
const STORE_TTL_MS = 30 * 60_000;
export const MAX_CURSOR_LENGTH = 32_768;

const stored = processWide(
  'merged-cursors',
  () =>
    new LRUCache<string, string>({
      max: 20_000,
      maxSize: 64 * 1024 * 1024,
      sizeCalculation: (json, id) => (json.length + id.length) * 2,
      ttl: STORE_TTL_MS,
    }),
);

/** A new snapshot name, for the first page of a listing. */
export function newSnapshot(): string {
  return randomBytes(12).toString('base64url');
}

/** A short, stable name for a listing: what a cursor may only be used with. */
export function listingId(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}

export async function encodeCursor(cursor: MergedCursor): Promise<string> {
  const json = JSON.stringify({ v: 1, l: cursor.listing, n: cursor.pageSize, g: cursor.snapshot, p: cursor.positions });
  const inline = `${INLINE}${Buffer.from(json).toString('base64url')}`;
  if (inline.length <= MAX_INLINE) return inline;
  const id = randomBytes(18).toString('base64url');
  stored.set(id, json);
  const store = sharedStore();
  if (store === undefined) return `${STORED}${id}`;
  const kept = await store.run('cursor', (redis) =>
    redis.set(store.key('cursor', id), json, { expiration: { type: 'PX', value: STORE_TTL_MS } }),
  );
  // Without the shared store only this replica could read a stored cursor: the next page goes inline instead.
  return kept === OFFLINE && inline.length <= MAX_CURSOR_LENGTH ? inline : `${STORED}${id}`;
}

/** A stored cursor's JSON: this process's copy, else the one another replica left in the shared store. */
async function storedCursor(id: string): Promise<string | undefined> {
  const kept = stored.get(id);
  if (kept !== undefined) return kept;
  const store = sharedStore();
  const shared = await store?.run('cursor', (redis) => redis.get(store.key('cursor', id)));
  if (typeof shared !== 'string') return undefined;
  stored.set(id, shared);
  return shared;
}

const stale = () =>
  invalidParameter(
    'NextToken',
    'NextToken does not continue this listing (other parameters or sources, or expired); start again without it.',
  );

/** The cursor a NextToken holds, if it continues this listing over exactly these sources. */
export async function decodeCursor(
  token: string,
  listing: string,
  sourceKeys: readonly string[],
): Promise<MergedCursor> {
  if (token.length > MAX_CURSOR_LENGTH) throw invalidParameter('NextToken', 'NextToken is too long.');
  let json: string | undefined;
  if (token.startsWith(STORED)) {
    const id = token.slice(STORED.length);
    json = /^[\w-]{24}$/.test(id) ? await storedCursor(id) : undefined;
  } else if (token.startsWith(INLINE)) json = Buffer.from(token.slice(INLINE.length), 'base64url').toString('utf8');
  if (json === undefined) throw stale();
  let parsed: z.infer<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(json));
  } catch {
    throw invalidParameter('NextToken', 'NextToken is not a token this listing gave out.');
  }
  const keys = Object.keys(parsed.p).sort();
  const expected = [...sourceKeys].sort();
  if (parsed.l !== listing || keys.length !== expected.length || keys.some((key, index) => key !== expected[index])) {
    throw stale();
  }
  return { listing: parsed.l, pageSize: parsed.n, snapshot: parsed.g, positions: parsed.p };
}

export function resetCursorsForTests(): void {
  stored.clear();
}
