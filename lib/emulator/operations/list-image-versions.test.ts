import { describe, expect, it } from 'vitest';
import { ServiceError } from '../protocol/errors';
import { catalogOf, lister } from '../test-support/call-list';
import { image, itemsOf, names, version } from '../test-support/records';

const S = 1000;
const catalog = catalogOf({
  images: [image('pytorch-2-3-gpu', 0), image('empty-image', 0)],
  versions: {
    'pytorch-2-3-gpu': [
      version('pytorch-2-3-gpu', 1, 100 * S, 150 * S),
      version('pytorch-2-3-gpu', 2, 200 * S, 900 * S),
      version('pytorch-2-3-gpu', 3, 200 * S, 300 * S),
      version('pytorch-2-3-gpu', 4, 400 * S, 400 * S),
    ],
  },
});
const call = lister(catalog);
const list = (body: Record<string, unknown>) =>
  names(call('ListImageVersions', { ImageName: 'pytorch-2-3-gpu', ...body }).ImageVersions, 'Version');

describe('ListImageVersions', () => {
  it('sorts by CreationTime descending by default, ties by version in the same direction', () => {
    expect(list({})).toEqual([4, 3, 2, 1]);
    expect(list({ SortOrder: 'ASCENDING' })).toEqual([1, 2, 3, 4]);
  });

  it('sorts by version and by last modified time', () => {
    expect(list({ SortBy: 'VERSION', SortOrder: 'ASCENDING' })).toEqual([1, 2, 3, 4]);
    expect(list({ SortBy: 'LAST_MODIFIED_TIME' })).toEqual([2, 4, 3, 1]);
  });

  it('treats time bounds as inclusive', () => {
    expect(list({ CreationTimeAfter: 200, CreationTimeBefore: 400 })).toEqual([4, 3, 2]);
    expect(list({ LastModifiedTimeAfter: 150, LastModifiedTimeBefore: 300 })).toEqual([3, 1]);
  });

  it('returns an empty list without a token for an image without versions', () => {
    expect(call('ListImageVersions', { ImageName: 'empty-image' })).toEqual({ ImageVersions: [] });
  });

  it('answers ResourceNotFound with a capitalised Message for an unknown image', () => {
    let error: unknown;
    try {
      call('ListImageVersions', { ImageName: 'nope' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ServiceError);
    if (!(error instanceof ServiceError)) return;
    expect(error.status).toBe(400);
    expect(error.toBody()).toEqual({ __type: 'ResourceNotFound', Message: 'Image "nope" does not exist.' });
  });

  it('carries the image and version ARNs', () => {
    const [first] = itemsOf(call('ListImageVersions', { ImageName: 'pytorch-2-3-gpu', MaxResults: 1 }).ImageVersions);
    expect(first).toMatchObject({
      ImageArn: 'arn:aws:sagemaker:us-east-1:123456789012:image/pytorch-2-3-gpu',
      ImageVersionArn: 'arn:aws:sagemaker:us-east-1:123456789012:image-version/pytorch-2-3-gpu/4',
      CreationTime: 400,
    });
  });
});
