import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listSharded, type Order, type ShardCall, type ShardedInput, type ShardPage } from './shards';

interface Row {
  name: string;
  time: number;
}

class Flaky extends Error {}

/**
 * A list API over `rows`, ordered by time then name, paged by offset tokens, with inclusive or exclusive time
 * bounds (the spec leaves ListModelPackages' unstated); throws now and then when `failEvery` is set.
 */
function fakeApi(rows: readonly Row[], inclusive: boolean, failEvery = 0, scanned?: (row: Row) => boolean) {
  let calls = 0;
  const fetch = async (call: ShardCall, token: string | undefined, size: number): Promise<ShardPage<Row>> => {
    calls += 1;
    await Promise.resolve();
    if (failEvery > 0 && calls % failEvery === 0) throw new Flaky('throttled');
    const after = call.after?.getTime();
    const before = call.before?.getTime();
    const kept = rows
      .filter((row) =>
        inclusive
          ? (after === undefined || row.time >= after) && (before === undefined || row.time <= before)
          : (after === undefined || row.time > after) && (before === undefined || row.time < before),
      )
      .sort((a, b) => a.time - b.time || (a.name < b.name ? -1 : 1));
    if (call.order === 'desc') kept.reverse();
    const offset = token === undefined ? 0 : Number(token);
    const window = kept.slice(offset, offset + size);
    // A filter on something else than the time applies to each window: pages come short, even empty.
    const items = scanned === undefined ? window : window.filter(scanned);
    return { items, nextToken: offset + size < kept.length ? String(offset + size) : undefined };
  };
  return { fetch, calls: () => calls };
}

function sequential(rows: readonly Row[], order: Order, after?: number, before?: number): string[] {
  const kept = rows
    .filter((row) => (after === undefined || row.time >= after) && (before === undefined || row.time <= before))
    .sort((a, b) => a.time - b.time || (a.name < b.name ? -1 : 1));
  return (order === 'desc' ? kept.reverse() : kept).map((row) => row.name);
}

/** The listing of `Row`s by their time, with no bounds, no retries and no abort unless the test sets them. */
function sharded(
  input: Pick<ShardedInput<Row>, 'fetch' | 'order' | 'pageSize' | 'concurrency' | 'shards' | 'lookahead'> &
    Partial<ShardedInput<Row>>,
) {
  return listSharded<Row>({
    timeOf: (row) => row.time,
    after: undefined,
    before: undefined,
    retryAfter: () => undefined,
    signal: new AbortController().signal,
    ...input,
  });
}

async function all(
  rows: readonly Row[],
  options: {
    order: Order;
    inclusive: boolean;
    failEvery?: number;
    pageSize?: number;
    after?: number;
    scanned?: (row: Row) => boolean;
  },
) {
  const api = fakeApi(rows, options.inclusive, options.failEvery, options.scanned);
  const names: string[] = [];
  const after = options.after === undefined ? undefined : new Date(options.after - (options.inclusive ? 0 : 1));
  for await (const batch of sharded({
    fetch: api.fetch,
    order: options.order,
    after,
    pageSize: options.pageSize ?? 5,
    concurrency: 4,
    shards: 6,
    lookahead: 8,
    retryAfter: (error, attempt) => (error instanceof Flaky && attempt < 20 ? 0 : undefined),
  })) {
    names.push(...batch.map((row) => row.name));
  }
  return { names, calls: api.calls() };
}

const rowsArbitrary = fc
  .array(fc.integer({ min: 1_000, max: 1_400 }), { maxLength: 120 })
  .map((times) => times.map((time, index) => ({ name: `r${String(index).padStart(3, '0')}`, time })));

describe('the sharded full listing', () => {
  it('is exactly the sequential listing: same rows, same order, ties and both bound readings included', async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArbitrary,
        fc.constantFrom<Order>('asc', 'desc'),
        fc.boolean(),
        fc.integer({ min: 1, max: 7 }),
        async (rows, order, inclusive, pageSize) => {
          const { names } = await all(rows, { order, inclusive, pageSize });
          expect(names).toEqual(sequential(rows, order));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('stays exact when another filter makes pages short or empty', async () => {
    const scanned = (row: Row) => Number(row.name.slice(1)) % 3 === 0;
    await fc.assert(
      fc.asyncProperty(rowsArbitrary, fc.constantFrom<Order>('asc', 'desc'), async (rows, order) => {
        const { names } = await all(rows, { order, inclusive: false, scanned });
        expect(names).toEqual(sequential(rows.filter(scanned), order));
      }),
      { numRuns: 80 },
    );
  });

  it('stays exact when calls fail now and then and are made again', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArbitrary, fc.constantFrom<Order>('asc', 'desc'), async (rows, order) => {
        const { names } = await all(rows, { order, inclusive: false, failEvery: 3 });
        expect(names).toEqual(sequential(rows, order));
      }),
      { numRuns: 60 },
    );
  });

  it("keeps the caller's own lower bound", async () => {
    const rows = Array.from({ length: 50 }, (_, index) => ({
      name: `r${String(index).padStart(2, '0')}`,
      time: 1000 + index * 10,
    }));
    for (const inclusive of [true, false]) {
      const { names } = await all(rows, { order: 'asc', inclusive, after: 1200 });
      expect(names).toEqual(sequential(rows, 'asc', 1200));
    }
  });

  it('reads many rows at one instant with the token, and gives up on an error that does not pass', async () => {
    const rows = Array.from({ length: 23 }, (_, index) => ({
      name: `same${String(index).padStart(2, '0')}`,
      time: 5000,
    }));
    expect((await all(rows, { order: 'desc', inclusive: true })).names).toEqual(sequential(rows, 'desc'));
    const failing = sharded({
      fetch: () => Promise.reject(new Error('AccessDenied')),
      order: 'asc',
      pageSize: 5,
      concurrency: 2,
      shards: 2,
      lookahead: 2,
    });
    await expect(failing.next()).rejects.toThrow('AccessDenied');
  });

  it('keeps its calls at the concurrency it is given, and no more', async () => {
    const rows = Array.from({ length: 3000 }, (_, index) => ({
      name: `r${String(index).padStart(4, '0')}`,
      time: 1_000_000 + index * 37,
    }));
    const api = fakeApi(rows, false);
    let inFlight = 0;
    let most = 0;
    let count = 0;
    for await (const batch of sharded({
      fetch: async (call, token, size) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        return api.fetch(call, token, size);
      },
      order: 'desc',
      pageSize: 50,
      concurrency: 5,
      shards: 10,
      lookahead: 20,
    })) {
      count += batch.length;
    }
    expect(count).toBe(3000);
    expect(most).toBe(5);
  });

  it('reads on page by page when the API scans windows instead of seeking to the time range', async () => {
    const rows = Array.from({ length: 60 }, (_, index) => ({
      name: `r${String(index).padStart(2, '0')}`,
      time: 1000 + index,
    }));
    const rare = (row: Row) => row.name === 'r59';
    const { names, calls } = await all(rows, { order: 'asc', inclusive: false, pageSize: 10, scanned: rare });
    expect(names).toEqual(['r59']);
    // Two probes, then the six windows once: no shard scans them again.
    expect(calls).toBe(8);
  });

  it('lets go of the rows it has yielded while it reads on', async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const rows = Array.from({ length: 3000 }, (_, index) => ({
      name: `r${String(index).padStart(4, '0')}`,
      time: 1_000_000 + index * 37,
    }));
    const api = fakeApi(rows, false);
    const listing = sharded({
      // Each page is new objects, as an upstream answer parsed: only the listing can keep them.
      fetch: async (call, token, size) => {
        const page = await api.fetch(call, token, size);
        return { ...page, items: page.items.map((row) => ({ ...row })) };
      },
      order: 'asc',
      pageSize: 50,
      concurrency: 2,
      shards: 4,
      lookahead: 4,
    });
    // Read in a frame of its own, so no temporary of this one keeps a batch.
    const readOn = async (until: number, early: WeakRef<Row>[]): Promise<number> => {
      let read = 0;
      while (read < until) {
        const next = await listing.next();
        if (next.done === true) break;
        if (read < 500) early.push(...next.value.map((row) => new WeakRef(row)));
        read += next.value.length;
      }
      return read;
    };
    const early: WeakRef<Row>[] = [];
    const count = await readOn(2000, early);
    expect(count).toBeGreaterThanOrEqual(2000);
    expect(early.length).toBeGreaterThanOrEqual(500);
    await new Promise((resolve) => setTimeout(resolve, 0));
    collect();
    expect(early.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    let rest = 0;
    for await (const batch of listing) rest += batch.length;
    expect(count + rest).toBe(3000);
  });

  it('costs about the pages of the rows plus the cuts, not a call per row', async () => {
    const rows = Array.from({ length: 1000 }, (_, index) => ({
      name: `r${String(index).padStart(4, '0')}`,
      time: 1_000_000 + index * 997,
    }));
    const { names, calls } = await all(rows, { order: 'asc', inclusive: false, pageSize: 50 });
    expect(names).toHaveLength(1000);
    // 20 full pages of rows; each cut re-reads at most the tail of a page.
    expect(calls).toBeLessThan(80);
  });
});
