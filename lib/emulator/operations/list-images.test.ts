import { describe, expect, it } from 'vitest';
import { catalogOf, lister } from '../test-support/call-list';
import { image, itemsOf, names } from '../test-support/records';

const S = 1000;
const catalog = catalogOf({
  images: [
    image('sklearn-inference', 100 * S, 500 * S),
    image('pytorch-2-3-gpu', 300 * S, 300 * S),
    image('Pytorch-2-1-cpu', 200 * S, 700 * S),
    image('tensorflow-2-13-gpu', 300 * S, 400 * S),
    image('xgboost-training', 400 * S, 600 * S),
  ],
});
const call = lister(catalog);
const list = (body: Record<string, unknown>) => names(call('ListImages', body).Images, 'ImageName');

describe('ListImages', () => {
  it('sorts by CreationTime descending by default, breaking ties by name in the same direction', () => {
    expect(list({})).toEqual([
      'xgboost-training',
      'tensorflow-2-13-gpu',
      'pytorch-2-3-gpu',
      'Pytorch-2-1-cpu',
      'sklearn-inference',
    ]);
  });

  it('sorts ascending with ties by name ascending', () => {
    expect(list({ SortOrder: 'ASCENDING' })).toEqual([
      'sklearn-inference',
      'Pytorch-2-1-cpu',
      'pytorch-2-3-gpu',
      'tensorflow-2-13-gpu',
      'xgboost-training',
    ]);
  });

  it('sorts by name and by last modified time', () => {
    expect(list({ SortBy: 'IMAGE_NAME', SortOrder: 'ASCENDING' })).toEqual([
      'Pytorch-2-1-cpu',
      'pytorch-2-3-gpu',
      'sklearn-inference',
      'tensorflow-2-13-gpu',
      'xgboost-training',
    ]);
    expect(list({ SortBy: 'LAST_MODIFIED_TIME' })).toEqual([
      'Pytorch-2-1-cpu',
      'xgboost-training',
      'sklearn-inference',
      'tensorflow-2-13-gpu',
      'pytorch-2-3-gpu',
    ]);
  });

  it('treats both creation bounds as inclusive', () => {
    expect(list({ CreationTimeAfter: 200, CreationTimeBefore: 300 })).toEqual([
      'tensorflow-2-13-gpu',
      'pytorch-2-3-gpu',
      'Pytorch-2-1-cpu',
    ]);
  });

  it('treats both last-modified bounds as inclusive and accepts fractional seconds', () => {
    expect(list({ LastModifiedTimeAfter: 400, LastModifiedTimeBefore: 600 })).toEqual([
      'xgboost-training',
      'tensorflow-2-13-gpu',
      'sklearn-inference',
    ]);
    expect(list({ LastModifiedTimeAfter: 400.001 })).not.toContain('tensorflow-2-13-gpu');
  });

  it('filters by a case-insensitive name fragment', () => {
    expect(list({ NameContains: 'PYTORCH' })).toEqual(['pytorch-2-3-gpu', 'Pytorch-2-1-cpu']);
    expect(list({ NameContains: '2-13' })).toEqual(['tensorflow-2-13-gpu']);
  });

  it('writes timestamps as JSON numbers of epoch seconds', () => {
    const [first] = itemsOf(call('ListImages', { MaxResults: 1, SortBy: 'IMAGE_NAME', SortOrder: 'ASCENDING' }).Images);
    expect(first).toMatchObject({ CreationTime: 200, LastModifiedTime: 700 });
  });

  it('returns 10 items per page by default', () => {
    const many = catalogOf({ images: Array.from({ length: 12 }, (_, i) => image(`img-${i}`, i * S)) });
    const page = lister(many)('ListImages', {});
    expect(itemsOf(page.Images)).toHaveLength(10);
    expect(typeof page.NextToken).toBe('string');
  });
});

describe('ListImages in scan paging', () => {
  const scan = lister(catalog, 'scan');
  const page = (body: Record<string, unknown>) => {
    const answer = scan('ListImages', { MaxResults: 2, ...body });
    return { names: names(answer.Images, 'ImageName'), next: answer.NextToken };
  };

  it('seeks to the time range when sorted by that time: the first page is full, not an empty window', () => {
    const after = { CreationTimeAfter: 300, SortBy: 'CREATION_TIME', SortOrder: 'ASCENDING' };
    expect(page(after)).toMatchObject({ names: ['pytorch-2-3-gpu', 'tensorflow-2-13-gpu'] });
    const modified = { LastModifiedTimeBefore: 400, SortBy: 'LAST_MODIFIED_TIME', SortOrder: 'ASCENDING' };
    expect(page(modified)).toMatchObject({ names: ['pytorch-2-3-gpu', 'tensorflow-2-13-gpu'] });
  });

  it('still filters each window for a bound on another time, and for NameContains', () => {
    const other = page({ LastModifiedTimeAfter: 650, SortBy: 'CREATION_TIME', SortOrder: 'ASCENDING' });
    expect(other.names).toEqual(['Pytorch-2-1-cpu']);
    expect(other.next).toBeDefined();
    const named = page({ NameContains: 'xgboost', SortBy: 'CREATION_TIME', SortOrder: 'ASCENDING' });
    expect(named.names).toEqual([]);
    expect(named.next).toBeDefined();
  });
});
