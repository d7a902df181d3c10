import { z } from 'zod';
import type { ImageRecord } from '../catalog/types';
import { maxResults, nextToken, oneOf, text, timestamp } from '../protocol/validation';
import type { ListOperation } from './operation';
import { comparator, containsIgnoringCase, toEpochSeconds, withinRange, type SortKey, timeSeek } from './ordering';

const input = z.object({
  CreationTimeAfter: timestamp().optional(),
  CreationTimeBefore: timestamp().optional(),
  LastModifiedTimeAfter: timestamp().optional(),
  LastModifiedTimeBefore: timestamp().optional(),
  MaxResults: maxResults().optional(),
  NameContains: text({ min: 0, max: 63, pattern: '[a-zA-Z0-9\\-.]+' }).optional(),
  NextToken: nextToken().optional(),
  SortBy: oneOf(['CREATION_TIME', 'LAST_MODIFIED_TIME', 'IMAGE_NAME']).default('CREATION_TIME'),
  SortOrder: oneOf(['ASCENDING', 'DESCENDING']).default('DESCENDING'),
});

type Input = z.output<typeof input>;

const byName: SortKey<ImageRecord> = (i) => i.ImageName;
const SORT_KEYS: Record<Input['SortBy'], ReadonlyArray<SortKey<ImageRecord>>> = {
  CREATION_TIME: [(i) => i.CreationTime, byName],
  LAST_MODIFIED_TIME: [(i) => i.LastModifiedTime, byName],
  IMAGE_NAME: [byName],
};

export const listImages: ListOperation<Input, ImageRecord> = {
  name: 'ListImages',
  resultKey: 'Images',
  defaultMaxResults: 10,
  input,
  scope: (catalog) => ({ key: 'all', items: catalog.images }),
  order: ({ SortBy, SortOrder }) => ({
    key: `${SortBy}/${SortOrder}`,
    compare: comparator(SORT_KEYS[SortBy], SortOrder === 'DESCENDING'),
  }),
  seek: (q) =>
    timeSeek(q.SortBy === 'CREATION_TIME', (i) => i.CreationTime, q.CreationTimeAfter, q.CreationTimeBefore, true) ??
    timeSeek(
      q.SortBy === 'LAST_MODIFIED_TIME',
      (i) => i.LastModifiedTime,
      q.LastModifiedTimeAfter,
      q.LastModifiedTimeBefore,
      true,
    ),
  matches: (q) => (image) =>
    containsIgnoringCase(image.ImageName, q.NameContains) &&
    withinRange(image.CreationTime, q.CreationTimeAfter, q.CreationTimeBefore, true) &&
    withinRange(image.LastModifiedTime, q.LastModifiedTimeAfter, q.LastModifiedTimeBefore, true),
  toWire: (image) => ({
    ...image,
    CreationTime: toEpochSeconds(image.CreationTime),
    LastModifiedTime: toEpochSeconds(image.LastModifiedTime),
  }),
};
