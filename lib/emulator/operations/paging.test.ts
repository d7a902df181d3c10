import { describe, expect, it } from 'vitest';
import { ServiceError } from '../protocol/errors';
import { catalogOf, lister } from '../test-support/call-list';
import { image, itemsOf, names } from '../test-support/records';

// 30 images, one created per second; only every tenth name contains "gpu".
const catalog = catalogOf({
  images: Array.from({ length: 30 }, (_, i) => image(i % 10 === 3 ? `img-${i}-gpu` : `img-${i}-cpu`, i * 1000)),
});
const ascending = { SortOrder: 'ASCENDING' };

function collect(call: ReturnType<typeof lister>, body: Record<string, unknown>) {
  const pages: unknown[][] = [];
  let token: unknown;
  do {
    const page = call('ListImages', { ...body, ...(typeof token === 'string' ? { NextToken: token } : {}) });
    pages.push(names(page.Images, 'ImageName'));
    token = page.NextToken;
  } while (typeof token === 'string');
  return pages;
}

function thrown(run: () => unknown): ServiceError {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a service error');
}

describe('paging', () => {
  it('scan mode filters each window of MaxResults items, so pages are short or empty yet carry a token', () => {
    const pages = collect(lister(catalog, 'scan'), { ...ascending, NameContains: 'gpu', MaxResults: 5 });
    expect(pages).toEqual([['img-3-gpu'], [], ['img-13-gpu'], [], ['img-23-gpu'], []]);
  });

  it('exact mode fills every page and omits the token once nothing matches', () => {
    const pages = collect(lister(catalog, 'exact'), { ...ascending, NameContains: 'gpu', MaxResults: 2 });
    expect(pages).toEqual([['img-3-gpu', 'img-13-gpu'], ['img-23-gpu']]);
  });

  it.each(['scan', 'exact'] as const)('%s mode lists every item once, in order, across pages', (mode) => {
    const flat = collect(lister(catalog, mode), { ...ascending, MaxResults: 7 }).flat();
    expect(flat).toEqual(catalog.images.map((i) => i.ImageName));
  });

  it('omits NextToken on the last page and never repeats a token', () => {
    const call = lister(catalog, 'scan');
    const first = call('ListImages', { MaxResults: 29 });
    const again = call('ListImages', { MaxResults: 29 });
    expect(first.NextToken).not.toBe(again.NextToken);
    const last = call('ListImages', { MaxResults: 29, NextToken: first.NextToken });
    expect(itemsOf(last.Images)).toHaveLength(1);
    expect(last).not.toHaveProperty('NextToken');
  });

  it('replays the same page for the same token, and lets MaxResults change', () => {
    const call = lister(catalog, 'scan');
    const { NextToken } = call('ListImages', { MaxResults: 3 });
    const once = call('ListImages', { MaxResults: 3, NextToken });
    const twice = call('ListImages', { MaxResults: 3, NextToken });
    expect(once.Images).toEqual(twice.Images);
    expect(names(call('ListImages', { MaxResults: 1, NextToken }).Images, 'ImageName')).toEqual(
      names(once.Images, 'ImageName').slice(0, 1),
    );
  });

  it.each([
    ['another filter', { NameContains: 'gpu' }],
    ['another sort', { SortBy: 'IMAGE_NAME' }],
    ['another order', { SortOrder: 'ASCENDING' }],
  ])('rejects a token replayed with %s', (_label, change) => {
    const call = lister(catalog, 'scan');
    const { NextToken } = call('ListImages', { MaxResults: 3 });
    const error = thrown(() => call('ListImages', { MaxResults: 3, NextToken, ...change }));
    expect([error.code, error.status]).toEqual(['ValidationException', 400]);
    expect(error.message).toMatch(/^Invalid NextToken/);
  });

  it('rejects a token of another operation', () => {
    const call = lister(catalogOf({ images: [image('a', 0), image('b', 0)] }), 'scan');
    const { NextToken } = call('ListImages', { MaxResults: 1 });
    expect(thrown(() => call('ListModelPackages', { NextToken })).message).toMatch(/^Invalid NextToken/);
  });

  it('rejects garbage tokens', () => {
    expect(thrown(() => lister(catalog)('ListImages', { NextToken: 'garbage' })).message).toMatch(/^Invalid NextToken/);
  });
});
