import { describe, expect, it } from 'vitest';
import type { PageRequest, UpstreamPage } from '@/lib/sagemaker/list-operation';
import { collectPage } from './follow-pages';

type Query = { NameContains?: string; MaxResults?: number; NextToken?: string };

/** Pages of a scan: each call returns the matches among the next `maxResults` of `rows`. */
function scanning(rows: string[], failAt = new Set<number>()) {
  const asked: number[] = [];
  const fetchPage = async ({
    maxResults,
    nextToken,
    query,
  }: PageRequest<Query, object>): Promise<UpstreamPage<string>> => {
    asked.push(maxResults);
    if (failAt.has(asked.length)) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const start = Number(nextToken ?? 0);
    const end = start + maxResults;
    const items = rows.slice(start, end).filter((row) => row.includes(query.NameContains ?? ''));
    return { items, nextToken: end < rows.length ? String(end) : undefined, requestId: `r${asked.length}` };
  };
  return Object.assign(fetchPage, { asked });
}

const rows = Array.from({ length: 100 }, (_, index) => (index % 17 === 5 ? `match-${index}` : `row-${index}`));
const wide = { maxCalls: 100, maxMs: 10_000 };

describe('collectPage', () => {
  it('follows empty and short pages, asking only for the rows still missing', async () => {
    const adapter = scanning(rows);
    const page = await collectPage(adapter, { query: { NameContains: 'match', MaxResults: 3 }, path: {} }, wide);
    expect(page.items).toEqual(['match-5', 'match-22', 'match-39']);
    expect(adapter.asked.slice(0, 3)).toEqual([3, 3, 2]);
    expect(adapter.asked.at(-1)).toBe(1);
    expect(adapter.asked.every((size, index) => size <= (adapter.asked[index - 1] ?? 3))).toBe(true);
    expect(page.nextToken).toBe('40');
    expect(page.budgetExhausted).toBe(false);
  });

  it('uses the default page size as the target and stops at the end of the listing', async () => {
    const page = await collectPage(scanning(rows), { query: { NameContains: 'match' }, path: {} }, wide);
    expect(page.items).toHaveLength(6);
    expect(page).toMatchObject({ nextToken: null, budgetExhausted: false });
  });

  it('stops on the call budget with the pending token', async () => {
    const page = await collectPage(
      scanning(rows),
      { query: { NameContains: 'match', MaxResults: 2 }, path: {} },
      { maxCalls: 2, maxMs: 10_000 },
    );
    expect(page).toMatchObject({ items: [], nextToken: '4', budgetExhausted: true, calls: 2 });
  });

  it('stops on the time budget', async () => {
    const page = await collectPage(
      scanning(rows),
      { query: { NameContains: 'match', MaxResults: 50 }, path: {} },
      { maxCalls: 100, maxMs: 0 },
    );
    expect(page).toMatchObject({ calls: 1, budgetExhausted: true, nextToken: '50' });
  });

  it('throws when the first call fails, and keeps the progress when a later one does', async () => {
    await expect(collectPage(scanning(rows, new Set([1])), { query: {}, path: {} }, wide)).rejects.toThrow(
      'Rate exceeded',
    );
    const page = await collectPage(
      scanning(rows, new Set([2])),
      { query: { NameContains: 'match', MaxResults: 2 }, path: {} },
      wide,
    );
    expect(page).toMatchObject({ items: [], nextToken: '2', budgetExhausted: true, calls: 1 });
    expect(page.interruptedBy).toBeInstanceOf(Error);
  });
});
