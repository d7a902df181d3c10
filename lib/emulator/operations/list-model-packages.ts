import { z } from 'zod';
import { MODEL_APPROVAL_STATUSES, type ModelPackageRecord } from '../catalog/types';
import { maxResults, nextToken, oneOf, text, timestamp } from '../protocol/validation';
import type { ListOperation } from './operation';
import { comparator, containsIgnoringCase, toEpochSeconds, withinRange, type SortKey, timeSeek } from './ordering';

const ARN_OR_NAME =
  '(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)';

/**
 * The docs say a ModelPackageGroupName filter returns the versioned packages of that group, so
 * the "Unversioned" default of ModelPackageType only applies when no group is given.
 */
const input = z
  .object({
    CreationTimeAfter: timestamp().optional(),
    CreationTimeBefore: timestamp().optional(),
    MaxResults: maxResults().optional(),
    NameContains: text({ min: 0, max: 63, pattern: '[a-zA-Z0-9\\-]+' }).optional(),
    ModelApprovalStatus: oneOf(MODEL_APPROVAL_STATUSES).optional(),
    ModelPackageGroupName: text({ min: 1, max: 170, pattern: ARN_OR_NAME }).optional(),
    ModelPackageType: oneOf(['Versioned', 'Unversioned', 'Both']).optional(),
    NextToken: nextToken().optional(),
    SortBy: oneOf(['Name', 'CreationTime']).default('CreationTime'),
    SortOrder: oneOf(['Ascending', 'Descending']).default('Ascending'),
  })
  .transform((q) => ({
    ...q,
    ModelPackageGroupName: q.ModelPackageGroupName === undefined ? undefined : groupOf(q.ModelPackageGroupName),
    GroupArn: q.ModelPackageGroupName?.startsWith('arn:') === true ? q.ModelPackageGroupName.toLowerCase() : undefined,
    ModelPackageType: q.ModelPackageType ?? (q.ModelPackageGroupName === undefined ? 'Unversioned' : 'Both'),
  }));

type Input = z.output<typeof input>;

/** A group ARN ends in `model-package-group/<name>`; AWS lowercases names in ARNs, so groups match case-insensitively. */
export function groupOf(arnOrName: string): string {
  return (arnOrName.startsWith('arn:') ? arnOrName.slice(arnOrName.lastIndexOf('/') + 1) : arnOrName).toLowerCase();
}

function inGroup(group: string | undefined) {
  if (group === undefined) return () => true;
  return (p: ModelPackageRecord) => p.ModelPackageGroupName?.toLowerCase() === group;
}

function ofType(type: Input['ModelPackageType']) {
  if (type === 'Both') return () => true;
  const versioned = type === 'Versioned';
  return (p: ModelPackageRecord) => (p.ModelPackageGroupName !== undefined) === versioned;
}

const tieBreaks: ReadonlyArray<SortKey<ModelPackageRecord>> = [
  (p) => p.ModelPackageName ?? '',
  (p) => p.ModelPackageVersion ?? 0,
  (p) => p.ModelPackageArn,
];
const SORT_KEYS: Record<Input['SortBy'], ReadonlyArray<SortKey<ModelPackageRecord>>> = {
  CreationTime: [(p) => p.CreationTime, ...tieBreaks],
  Name: tieBreaks,
};

export const listModelPackages: ListOperation<Input, ModelPackageRecord> = {
  name: 'ListModelPackages',
  resultKey: 'ModelPackageSummaryList',
  defaultMaxResults: 10,
  input,
  scope: (catalog, { ModelPackageGroupName: group, GroupArn: arn, ModelPackageType: type }) => {
    const isInGroup = inGroup(group);
    const isOfType = ofType(type);
    const shared = catalog.shared.groups.some((candidate) => candidate.ModelPackageGroupArn.toLowerCase() === arn);
    const packages = shared ? catalog.shared.packages : catalog.modelPackages;
    return {
      key: `${shared ? arn : (group ?? '*')}/${type}`,
      items: packages.filter((p) => isInGroup(p) && isOfType(p)),
    };
  },
  order: ({ SortBy, SortOrder }) => ({
    key: `${SortBy}/${SortOrder}`,
    compare: comparator(SORT_KEYS[SortBy], SortOrder === 'Descending'),
  }),
  seek: (q) =>
    timeSeek(q.SortBy === 'CreationTime', (p) => p.CreationTime, q.CreationTimeAfter, q.CreationTimeBefore, false),
  matches: (q) => (p) =>
    containsIgnoringCase(p.ModelPackageName, q.NameContains) &&
    withinRange(p.CreationTime, q.CreationTimeAfter, q.CreationTimeBefore, false) &&
    (q.ModelApprovalStatus === undefined || p.ModelApprovalStatus === q.ModelApprovalStatus),
  toWire: (p) => ({ ...p, CreationTime: toEpochSeconds(p.CreationTime) }),
};
