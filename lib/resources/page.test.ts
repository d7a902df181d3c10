import { describe, expect, it } from 'vitest';
import { readListPage } from './page';

const page = {
  items: [{ ImageName: 'tf', ImageArn: 'arn:aws:sagemaker:us-east-1:123456789012:image/tf' }],
  nextToken: null,
  budgetExhausted: false,
  sources: [{ account: 'default', region: 'us-east-1', status: 'ok' }],
};

describe('readListPage', () => {
  it('takes a page as the proxy sends it', () => {
    expect(readListPage(page)).toEqual(page);
    expect(readListPage({ ...page, nextToken: 'abc' })?.nextToken).toBe('abc');
  });

  it.each([
    ['an HTML page', '<!doctype html>'],
    ['nothing', undefined],
    ['an array', [page]],
    ['items that are not rows', { ...page, items: [1, 'x'] }],
    ['a row that is an array', { ...page, items: [[]] }],
    ['a numeric cursor', { ...page, nextToken: 5 }],
    ['no budget flag', { ...page, budgetExhausted: undefined }],
    ['a source without its name', { ...page, sources: [{ region: 'us-east-1' }] }],
  ])('refuses %s', (_what, body) => {
    expect(readListPage(body)).toBeUndefined();
  });
});
