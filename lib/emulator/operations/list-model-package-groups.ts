import { z } from 'zod';
import type { ModelPackageGroupRecord } from '../catalog/types';
import { maxResults, nextToken, oneOf, text, timestamp } from '../protocol/validation';
import type { ListOperation } from './operation';
import { comparator, containsIgnoringCase, toEpochSeconds, withinRange, type SortKey, timeSeek } from './ordering';

const input = z.object({
  CreationTimeAfter: timestamp().optional(),
  CreationTimeBefore: timestamp().optional(),
  MaxResults: maxResults().optional(),
  NameContains: text({ min: 0, max: 63, pattern: '[a-zA-Z0-9\\-]+' }).optional(),
  NextToken: nextToken().optional(),
  SortBy: oneOf(['Name', 'CreationTime']).default('CreationTime'),
  SortOrder: oneOf(['Ascending', 'Descending']).default('Ascending'),
  CrossAccountFilterOption: oneOf(['SameAccount', 'CrossAccount']).default('SameAccount'),
});

type Input = z.output<typeof input>;

const byName: SortKey<ModelPackageGroupRecord> = (g) => g.ModelPackageGroupName;
const byArn: SortKey<ModelPackageGroupRecord> = (g) => g.ModelPackageGroupArn;
const SORT_KEYS: Record<Input['SortBy'], ReadonlyArray<SortKey<ModelPackageGroupRecord>>> = {
  CreationTime: [(g) => g.CreationTime, byName, byArn],
  Name: [byName, byArn],
};

/**
 * Groups of this account, or with CrossAccount those other accounts made discoverable to it (and only those).
 * Creation bounds are exclusive, as for model packages; the model documents the defaults used here.
 */
export const listModelPackageGroups: ListOperation<Input, ModelPackageGroupRecord> = {
  name: 'ListModelPackageGroups',
  resultKey: 'ModelPackageGroupSummaryList',
  defaultMaxResults: 10,
  input,
  scope: (catalog, { CrossAccountFilterOption: option }) => ({
    key: option,
    items: option === 'CrossAccount' ? catalog.shared.groups : catalog.modelPackageGroups,
  }),
  order: ({ SortBy, SortOrder }) => ({
    key: `${SortBy}/${SortOrder}`,
    compare: comparator(SORT_KEYS[SortBy], SortOrder === 'Descending'),
  }),
  seek: (q) =>
    timeSeek(q.SortBy === 'CreationTime', (g) => g.CreationTime, q.CreationTimeAfter, q.CreationTimeBefore, false),
  matches: (q) => (group) =>
    containsIgnoringCase(group.ModelPackageGroupName, q.NameContains) &&
    withinRange(group.CreationTime, q.CreationTimeAfter, q.CreationTimeBefore, false),
  toWire: (group) => ({ ...group, CreationTime: toEpochSeconds(group.CreationTime) }),
};
