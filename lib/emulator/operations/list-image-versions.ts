import { z } from 'zod';
import type { ImageVersionRecord } from '../catalog/types';
import { resourceNotFound } from '../protocol/errors';
import { maxResults, nextToken, oneOf, text, timestamp } from '../protocol/validation';
import type { ListOperation } from './operation';
import { comparator, toEpochSeconds, withinRange, type SortKey, timeSeek } from './ordering';

const input = z.object({
  CreationTimeAfter: timestamp().optional(),
  CreationTimeBefore: timestamp().optional(),
  ImageName: text({ min: 1, max: 63, pattern: '[a-zA-Z0-9]([-.]?[a-zA-Z0-9]){0,62}' }),
  LastModifiedTimeAfter: timestamp().optional(),
  LastModifiedTimeBefore: timestamp().optional(),
  MaxResults: maxResults().optional(),
  NextToken: nextToken().optional(),
  SortBy: oneOf(['CREATION_TIME', 'LAST_MODIFIED_TIME', 'VERSION']).default('CREATION_TIME'),
  SortOrder: oneOf(['ASCENDING', 'DESCENDING']).default('DESCENDING'),
});

type Input = z.output<typeof input>;

const byVersion: SortKey<ImageVersionRecord> = (v) => v.Version;
const SORT_KEYS: Record<Input['SortBy'], ReadonlyArray<SortKey<ImageVersionRecord>>> = {
  CREATION_TIME: [(v) => v.CreationTime, byVersion],
  LAST_MODIFIED_TIME: [(v) => v.LastModifiedTime, byVersion],
  VERSION: [byVersion],
};

export const listImageVersions: ListOperation<Input, ImageVersionRecord> = {
  name: 'ListImageVersions',
  resultKey: 'ImageVersions',
  defaultMaxResults: 10,
  input,
  scope: (catalog, { ImageName }) => {
    if (!catalog.imagesByName.has(ImageName)) throw resourceNotFound(`Image "${ImageName}" does not exist.`);
    return { key: ImageName, items: catalog.versionsByImage.get(ImageName) ?? [] };
  },
  order: ({ SortBy, SortOrder }) => ({
    key: `${SortBy}/${SortOrder}`,
    compare: comparator(SORT_KEYS[SortBy], SortOrder === 'DESCENDING'),
  }),
  seek: (q) =>
    timeSeek(q.SortBy === 'CREATION_TIME', (v) => v.CreationTime, q.CreationTimeAfter, q.CreationTimeBefore, true) ??
    timeSeek(
      q.SortBy === 'LAST_MODIFIED_TIME',
      (v) => v.LastModifiedTime,
      q.LastModifiedTimeAfter,
      q.LastModifiedTimeBefore,
      true,
    ),
  matches: (q) => (version) =>
    withinRange(version.CreationTime, q.CreationTimeAfter, q.CreationTimeBefore, true) &&
    withinRange(version.LastModifiedTime, q.LastModifiedTimeAfter, q.LastModifiedTimeBefore, true),
  toWire: (version) => ({
    ...version,
    CreationTime: toEpochSeconds(version.CreationTime),
    LastModifiedTime: toEpochSeconds(version.LastModifiedTime),
  }),
};
