import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mergePage,
  SourceTimeoutError,
  type Brief,
  type MergeInput,
  type MergeSource,
  type SourcePosition,
} from './merge-page';

interface Item {
  key: number;
  id: string;
}

const compare = (a: Item, b: Item) => a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A source listing its sorted items in pages of `pageSize`; `fail(call)` makes a call throw or stall. */
function fakeSource(
  key: string,
  items: Item[],
  pageSize: number,
  fail: (call: number) => 'throw' | 'stall' | undefined = () => undefined,
): MergeSource<Item> & { calls: (string | null)[] } {
  const calls: (string | null)[] = [];
  return {
    key,
    calls,
    fetch: async (token) => {
      calls.push(token);
      const trouble = fail(calls.length);
      if (trouble === 'throw') throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
      if (trouble === 'stall') await new Promise((resolve) => setTimeout(resolve, 200));
      const offset = token === null ? 0 : Number(token.split(':')[1]);
      const page = items.slice(offset, offset + pageSize);
      const end = offset + pageSize;
      return { items: [...page], nextToken: end < items.length ? `${key}:${end}` : null };
    },
  };
}

function settings(sources: MergeSource<Item>[], positions: Record<string, SourcePosition>, size: number) {
  return {
    sources,
    positions,
    size,
    compare,
    primary: (a: Item | Brief, b: Item | Brief) => Number(a.key) - Number(b.key),
    idOf: (row: Item | Brief) => String(row.id),
    brief: (row: Item) => ({ key: row.key, id: row.id }),
    waitMs: 50,
    budget: { maxCalls: 1000, maxMs: 10_000 },
    concurrency: 4,
    codeOf: (error: unknown) => (error instanceof Error ? error.name : 'Error'),
  } satisfies MergeInput<Item>;
}

/** Every page of the merged listing, asking a page again while a source failed on it, as a client may. */
async function listAll(sources: MergeSource<Item>[], size: number, retries = 20) {
  const pages: Item[][] = [];
  let positions: Record<string, SourcePosition> = {};
  for (let guard = 0; guard < 10_000; guard += 1) {
    let page = await mergePage(settings(sources, positions, size));
    for (let attempt = 0; attempt < retries && page.results.some((r) => r.state === 'failed'); attempt += 1) {
      page = await mergePage(settings(sources, positions, size));
    }
    pages.push(page.items.map((entry) => entry.row));
    if (!page.more) return { pages, last: page };
    positions = page.positions;
  }
  throw new Error('the listing did not end');
}

const sortedItems = (prefix: string) =>
  fc
    .array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 })
    .map((keys) =>
      keys.map((key, index) => ({ key, id: `${prefix}-${String(index).padStart(3, '0')}` })).sort(compare),
    );

describe('merging sources page by page', () => {
  it('lists the sorted union of the sources, nothing lost, repeated or out of order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(sortedItems('x'), fc.integer({ min: 1, max: 7 })), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 12 }),
        async (specs, size) => {
          const sources = specs.map(([items, pageSize], index) =>
            fakeSource(
              `s${index}`,
              items.map((item) => ({ ...item, id: `s${index}/${item.id}` })),
              pageSize,
            ),
          );
          const { pages } = await listAll(sources, size);
          const listed = pages.flat();
          const union = specs.flatMap(([items], index) =>
            items.map((item) => ({ ...item, id: `s${index}/${item.id}` })),
          );
          expect(listed).toEqual([...union].sort(compare));
          for (const page of pages.slice(0, -1)) expect(page).toHaveLength(size);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('asks each source, per merged page, for at most the pages it consumed plus one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(sortedItems('y'), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 1, max: 10 }),
        async (lists, size) => {
          const sources = lists.map((items, index) => fakeSource(`s${index}`, items, size));
          let positions: Record<string, SourcePosition> = {};
          for (let guard = 0; guard < 500; guard += 1) {
            const before = sources.map((source) => source.calls.length);
            const page = await mergePage(settings(sources, positions, size));
            sources.forEach((source, index) => {
              const emitted = page.items.filter((entry) => entry.source === source.key).length;
              expect(source.calls.length - (before[index] ?? 0)).toBeLessThanOrEqual(Math.ceil(emitted / size) + 1);
            });
            if (!page.more) return;
            positions = page.positions;
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('still lists the exact union when sources throw or stall now and then and each page is asked again', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(sortedItems('z'), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        async (lists, size, seed) => {
          let state = seed;
          const roll = () => {
            state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
            return state / 2 ** 31;
          };
          const sources = lists.map((items, index) =>
            fakeSource(`s${index}`, items, size, () => {
              const value = roll();
              return value < 0.3 ? 'throw' : value < 0.35 ? 'stall' : undefined;
            }),
          );
          const { pages } = await listAll(sources, size, 200);
          expect(pages.flat()).toEqual(lists.flat().sort(compare));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('a source whose rows move under its offset tokens', () => {
  it('drops the rows it lists again after rows were added ahead of its position', async () => {
    const rows = [9, 8, 7, 6, 5, 4, 3, 2].map((key) => ({ key, id: `r${key}` }));
    const newestFirst = (a: Item, b: Item) => b.key - a.key;
    const source = fakeSource('moving', rows, 3);
    const input = (positions: Record<string, SourcePosition>) => ({
      ...settings([source], positions, 3),
      compare: newestFirst,
      primary: (a: Item | Brief, b: Item | Brief) => Number(b.key) - Number(a.key),
    });
    const first = await mergePage(input({}));
    expect(first.items.map((entry) => entry.row.id)).toEqual(['r9', 'r8', 'r7']);
    rows.unshift({ key: 10, id: 'r10' }, { key: 11, id: 'r11' });
    const listed = [...first.items];
    let positions = first.positions;
    for (let page = 0; page < 5; page += 1) {
      const next = await mergePage(input(positions));
      listed.push(...next.items);
      if (!next.more) break;
      positions = next.positions;
    }
    expect(listed.map((entry) => entry.row.id)).toEqual(['r9', 'r8', 'r7', 'r6', 'r5', 'r4', 'r3', 'r2']);
  });
});

describe('a source that fails', () => {
  const good = () =>
    fakeSource(
      'good',
      [1, 2, 3, 4, 5, 6].map((key) => ({ key, id: `g${key}` })),
      2,
    );

  it('is left out after the bounded wait, reported, and resumed when the page is asked again', async () => {
    let stalled = true;
    const slow = fakeSource('slow', [{ key: 0, id: 's0' }], 2, () => (stalled ? 'stall' : undefined));
    const started = performance.now();
    const first = await mergePage(settings([good(), slow], {}, 3));
    expect(performance.now() - started).toBeLessThan(190);
    expect(first.items.map((entry) => entry.row.id)).toEqual(['g1', 'g2', 'g3']);
    expect(first.results.find((result) => result.key === 'slow')).toMatchObject({ state: 'failed' });
    const failure = first.results.find((result) => result.key === 'slow');
    expect(failure?.state === 'failed' ? failure.error : undefined).toBeInstanceOf(SourceTimeoutError);
    expect(first.positions.slow).toEqual({ t: null, s: 0, skipped: 'SourceTimeoutError' });

    stalled = false;
    const again = await mergePage(settings([good(), slow], {}, 3));
    expect(again.items.map((entry) => entry.row.id)).toEqual(['s0', 'g1', 'g2']);
    expect(again.results.every((result) => result.state === 'ok')).toBe(true);
  });

  it('stays out of the later pages, and the listing ends when only failed sources are left', async () => {
    const broken = fakeSource('broken', [{ key: 9, id: 'b9' }], 2, () => 'throw');
    const first = await mergePage(settings([good(), broken], {}, 4));
    expect(first.more).toBe(true);
    const second = await mergePage(settings([good(), broken], first.positions, 4));
    expect(second.items.map((entry) => entry.row.id)).toEqual(['g5', 'g6']);
    expect(second.results.find((result) => result.key === 'broken')).toEqual({
      key: 'broken',
      state: 'skipped',
      calls: 0,
      code: 'ThrottlingException',
    });
    expect(second.more).toBe(false);
    expect(broken.calls).toHaveLength(1);
  });

  it('that has nothing to list (isEmpty) is done, not failed', async () => {
    const missing: MergeSource<Item> = {
      key: 'missing',
      fetch: () => Promise.reject(Object.assign(new Error('no such image'), { name: 'ResourceNotFound' })),
    };
    const page = await mergePage({
      ...settings([good(), missing], {}, 10),
      isEmpty: (error) => error instanceof Error && error.name === 'ResourceNotFound',
    });
    expect(page.items).toHaveLength(6);
    expect(page.results.map((result) => result.state)).toEqual(['ok', 'ok']);
    expect(page.positions.missing).toEqual({ done: true });
    expect(page.more).toBe(false);
  });

  it('stops at the budget with a position to continue from', async () => {
    const sparse = fakeSource(
      'sparse',
      Array.from({ length: 40 }, (_, key) => ({ key, id: `p${key}` })),
      1,
    );
    const page = await mergePage({ ...settings([sparse], {}, 10), budget: { maxCalls: 3, maxMs: 10_000 } });
    expect(page.items).toHaveLength(3);
    expect(page.budgetExhausted).toBe(true);
    expect(page.positions.sparse).toEqual({ t: 'sparse:3', s: 0, last: { key: 2, id: 'p2' } });
  });
});
