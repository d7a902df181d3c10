import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';

export type Order = 'asc' | 'desc';

/** The time bounds one upstream call is narrowed to, as the API reads them, and its order. */
export interface ShardCall {
  after: Date | undefined;
  before: Date | undefined;
  order: Order;
}

export interface ShardPage<Row> {
  items: Row[];
  nextToken: string | undefined;
}

export interface ShardedInput<Row> {
  /** One upstream page of the listing (its other filters fixed) narrowed to `call`, in `call.order`. */
  fetch: (call: ShardCall, token: string | undefined, size: number, signal: AbortSignal) => Promise<ShardPage<Row>>;
  /** The row's creation time, in ms: the key the listing is ordered by. */
  timeOf: (row: Row) => number;
  order: Order;
  /** The caller's own bounds, sent as they are by the probes. */
  after: Date | undefined;
  before: Date | undefined;
  pageSize: number;
  /** Upstream calls at once. */
  concurrency: number;
  /** How many shards the range is cut into up front. */
  shards: number;
  /** Pages fetched ahead of the reader, at most (the one it waits for is always fetched). */
  lookahead: number;
  /** Whether an error may pass if the call is made again, and how long to wait first. */
  retryAfter: (error: unknown, attempt: number) => number | undefined;
  signal: AbortSignal;
}

/**
 * A part of the time range, `[lo, hi)` in ms, with the token of its next page when it is read on without being
 * split. It is asked with a millisecond of slack on each side (`after = lo - 1`, `before = hi`), and keeps only
 * the rows in its range, so shards partition the listing exactly whether the API's bounds are inclusive or not.
 */
interface Shard {
  /** Where its rows go in the listing: shards compare by path, a shard's own rows before its children's. */
  path: number[];
  lo: number;
  hi: number;
  token: string | undefined;
}

interface ShardRead<Row> {
  rows: Row[];
  children: Shard[];
}

function comparePaths(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

/** `[lo, hi)` cut into `parts` ranges of (nearly) equal length, in ascending time. */
function cut(lo: number, hi: number, parts: number): [number, number][] {
  const count = Math.max(1, Math.min(parts, hi - lo));
  const ranges: [number, number][] = [];
  for (let index = 0; index < count; index += 1) {
    const start = lo + Math.floor(((hi - lo) * index) / count);
    const end = index === count - 1 ? hi : lo + Math.floor(((hi - lo) * (index + 1)) / count);
    if (end > start) ranges.push([start, end]);
  }
  return ranges;
}

/** Makes a call until it answers or fails with an error `retryAfter` does not let pass; waits as it says. */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  retryAfter: (error: unknown, attempt: number) => number | undefined,
  signal: AbortSignal,
): Promise<T> {
  for (let count = 1; ; count += 1) {
    try {
      return await attempt();
    } catch (error) {
      const wait = signal.aborted ? undefined : retryAfter(error, count);
      if (wait === undefined) throw error;
      await sleep(wait, undefined, { signal });
    }
  }
}

/**
 * Every row of a listing ordered by creation time, fetched in parallel: the range between its first and last
 * row is cut into shards listed at once, a shard that turns out to hold more than a page is cut again past the
 * rows it has read, and the shards' rows come out in the listing's order, exactly the sequential listing's.
 * Yields one batch of rows per shard page, in order; fetches at most `lookahead` pages ahead of the reader.
 */
export async function* listSharded<Row>(input: ShardedInput<Row>): AsyncGenerator<Row[]> {
  const { order, timeOf, pageSize, signal } = input;
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });

  const call = (shardCall: ShardCall, token: string | undefined, size: number) =>
    withRetries(() => input.fetch(shardCall, token, size, stop.signal), input.retryAfter, stop.signal);

  // The first and the last row bound the range worth cutting. An empty page that goes on means the API scans
  // windows rather than seeking to a time range: cutting would make every shard scan them, so it is read on.
  let scans = false;
  const probe = async (direction: Order) => {
    const page = await call({ after: input.after, before: input.before, order: direction }, undefined, pageSize);
    if (page.items[0] === undefined && page.nextToken !== undefined) scans = true;
    return page.items[0];
  };
  const whole = async function* (): AsyncGenerator<Row[]> {
    let token: string | undefined;
    do {
      const page = await call({ after: input.after, before: input.before, order }, token, pageSize);
      if (page.items.length > 0) yield page.items;
      token = page.nextToken;
    } while (token !== undefined);
  };

  let running = 0;
  let fetchedAhead = 0;
  // Reads started and not yet taken, by shard. The reader takes a read out, so its rows can go once yielded:
  // shards live on (the first ones as long as the listing) and must not hold their rows.
  const reads = new Map<Shard, Promise<ShardRead<Row>>>();
  const pending: Shard[] = [];
  const wakers: (() => void)[] = [];
  const wake = () => {
    for (const waker of wakers.splice(0)) waker();
  };

  const readOn = (shard: Shard, token: string): Shard => ({
    path: [...shard.path, 0],
    lo: shard.lo,
    hi: shard.hi,
    token,
  });

  const read = async (shard: Shard): Promise<ShardRead<Row>> => {
    const page = await call(
      { after: new Date(shard.lo - 1), before: new Date(shard.hi), order },
      shard.token,
      pageSize,
    );
    const inRange = page.items.filter((row) => {
      const time = timeOf(row);
      return time >= shard.lo && time < shard.hi;
    });
    if (page.nextToken === undefined) return { rows: inRange, children: [] };
    // A short page is the API filtering its window (other filters than time): cutting would not help.
    if (page.items.length < pageSize) {
      return { rows: inRange, children: [readOn(shard, page.nextToken)] };
    }
    const edgeRow = inRange.at(-1);
    const edge = edgeRow === undefined ? undefined : timeOf(edgeRow);
    // Past the rows read, the rest of the range is cut again; rows at the edge time are read again there.
    // The rows left, guessed from the page's density: a cut only pays when they fill more than two pages.
    const worthCutting = (read: number, left: number) => (page.items.length * left) / Math.max(1, read) > 2 * pageSize;
    if (edge !== undefined && order === 'asc' && edge > shard.lo && worthCutting(edge - shard.lo, shard.hi - edge)) {
      const ranges = cut(edge, shard.hi, 2);
      return {
        rows: inRange.filter((row) => timeOf(row) < edge),
        children: ranges.map(([start, end], index) => ({
          path: [...shard.path, index],
          lo: start,
          hi: end,
          token: undefined,
        })),
      };
    }
    if (
      edge !== undefined &&
      order === 'desc' &&
      edge + 1 < shard.hi &&
      worthCutting(shard.hi - 1 - edge, edge + 1 - shard.lo)
    ) {
      const ranges = cut(shard.lo, edge + 1, 2).reverse();
      return {
        rows: inRange.filter((row) => timeOf(row) > edge),
        children: ranges.map(([start, end], index) => ({
          path: [...shard.path, index],
          lo: start,
          hi: end,
          token: undefined,
        })),
      };
    }
    // A page of rows all at one instant cannot be cut: read on with the token.
    return { rows: inRange, children: [readOn(shard, page.nextToken)] };
  };

  // A shard read makes its children ready at once, and a free slot takes the earliest ready shard, so the calls
  // stay at `concurrency` however far behind the reader is (within `lookahead`).
  const start = (shard: Shard) => {
    running += 1;
    fetchedAhead += 1;
    const reading = read(shard)
      .then((taken) => {
        pending.push(...taken.children);
        return taken;
      })
      .finally(() => {
        running -= 1;
        if (!stop.signal.aborted) schedule(undefined);
        wake();
      });
    // Read by the reader later; a failure surfaces there.
    reading.catch(() => undefined);
    reads.set(shard, reading);
  };

  /** The shard's read, started now if it is not yet: the reader takes it out of `reads`. */
  const take = async (shard: Shard): Promise<ShardRead<Row>> => {
    for (;;) {
      if (!reads.has(shard)) schedule(shard);
      const reading = reads.get(shard);
      if (reading !== undefined) {
        reads.delete(shard);
        return reading;
      }
      await new Promise<void>((resolve) => wakers.push(resolve));
    }
  };

  function schedule(next: Shard | undefined): void {
    pending.sort((a, b) => comparePaths(a.path, b.path));
    while (pending.length > 0 && running < input.concurrency) {
      const head = pending[0];
      if (head === undefined) break;
      if (head !== next && fetchedAhead >= input.lookahead) break;
      pending.shift();
      start(head);
    }
  }

  try {
    const [first, last] = await Promise.all([probe('asc'), probe('desc')]);
    if (scans) {
      yield* whole();
      return;
    }
    if (first === undefined || last === undefined) return;
    const initial = cut(timeOf(first), timeOf(last) + 1, input.shards);
    const roots: Shard[] = (order === 'asc' ? initial : initial.reverse()).map(([start, end], index) => ({
      path: [index],
      lo: start,
      hi: end,
      token: undefined,
    }));
    pending.push(...roots);

    // Depth first: a shard's own rows, then its children's, in the listing's order.
    const stack = [...roots].reverse();
    while (stack.length > 0) {
      const shard = stack.pop();
      if (shard === undefined) break;
      const { rows, children } = await take(shard);
      fetchedAhead -= 1;
      stack.push(...[...children].reverse());
      schedule(stack.at(-1));
      if (rows.length > 0) yield rows;
    }
  } finally {
    stop.abort();
    signal.removeEventListener('abort', onAbort);
  }
}
