import { describe, expect, it } from 'vitest';
import { ServiceError } from '../protocol/errors';
import { catalogOf, lister } from '../test-support/call-list';

const call = lister(catalogOf({ images: [] }));

function errorOf(run: () => unknown): ServiceError {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a service error');
}

type Case = [
  operation: 'ListImages' | 'ListImageVersions' | 'ListModelPackages',
  body: Record<string, unknown>,
  expected: string,
];
const image = { ImageName: 'pytorch-2-3-gpu' };

const cases: Case[] = [
  [
    'ListImages',
    { MaxResults: 1000 },
    "Value '1000' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
  ],
  [
    'ListImages',
    { MaxResults: 0 },
    "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
  ],
  ['ListImages', { MaxResults: 2.5 }, "at 'maxResults' failed to satisfy constraint: Member must be an integer"],
  [
    'ListImages',
    { MaxResults: '10' },
    "Value '10' at 'maxResults' failed to satisfy constraint: Member must be an integer",
  ],
  [
    'ListImages',
    { NameContains: 'bad name!*' },
    "Value 'bad name!*' at 'nameContains' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9\\-.]+",
  ],
  [
    'ListImages',
    { NameContains: '' },
    "at 'nameContains' failed to satisfy constraint: Member must satisfy regular expression pattern",
  ],
  [
    'ListImages',
    { NameContains: 'a'.repeat(64) },
    "at 'nameContains' failed to satisfy constraint: Member must have length less than or equal to 63",
  ],
  ['ListImages', { NameContains: 7 }, "at 'nameContains' failed to satisfy constraint: Member must be a string"],
  [
    'ListImages',
    { SortBy: 'NAME' },
    "Value 'NAME' at 'sortBy' failed to satisfy constraint: Member must be one of the enum value set: [CREATION_TIME, LAST_MODIFIED_TIME, IMAGE_NAME]",
  ],
  ['ListImages', { SortOrder: 'Descending' }, "Value 'Descending' at 'sortOrder' failed to satisfy constraint"],
  [
    'ListImages',
    { CreationTimeAfter: '2024-01-01T00:00:00Z' },
    "at 'creationTimeAfter' failed to satisfy constraint: Member must be a timestamp in epoch seconds",
  ],
  ['ListImages', { LastModifiedTimeBefore: true }, "at 'lastModifiedTimeBefore' failed to satisfy constraint"],
  [
    'ListImages',
    { NextToken: 'x'.repeat(8193) },
    "at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 8192",
  ],
  ['ListImageVersions', {}, "Value null at 'imageName' failed to satisfy constraint: Member must not be null"],
  [
    'ListImageVersions',
    { ImageName: 'a..b' },
    "Value 'a..b' at 'imageName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9]([-.]?[a-zA-Z0-9]){0,62}",
  ],
  [
    'ListImageVersions',
    { ImageName: '-abc' },
    "at 'imageName' failed to satisfy constraint: Member must satisfy regular expression pattern",
  ],
  [
    'ListImageVersions',
    { ImageName: '' },
    "at 'imageName' failed to satisfy constraint: Member must have length greater than or equal to 1",
  ],
  ['ListImageVersions', { ...image, SortBy: 'IMAGE_NAME' }, "Value 'IMAGE_NAME' at 'sortBy'"],
  [
    'ListImageVersions',
    { ...image, MaxResults: 101 },
    "at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
  ],
  [
    'ListModelPackages',
    { SortBy: 'CREATION_TIME' },
    "Value 'CREATION_TIME' at 'sortBy' failed to satisfy constraint: Member must be one of the enum value set: [Name, CreationTime]",
  ],
  ['ListModelPackages', { SortOrder: 'ASCENDING' }, "Value 'ASCENDING' at 'sortOrder'"],
  ['ListModelPackages', { ModelApprovalStatus: 'APPROVED' }, "Value 'APPROVED' at 'modelApprovalStatus'"],
  ['ListModelPackages', { ModelPackageType: 'UNVERSIONED' }, "Value 'UNVERSIONED' at 'modelPackageType'"],
  [
    'ListModelPackages',
    { NameContains: 'churn.v2' },
    "Value 'churn.v2' at 'nameContains' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9\\-]+",
  ],
  [
    'ListModelPackages',
    { ModelPackageGroupName: 'churn-' },
    "Value 'churn-' at 'modelPackageGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern",
  ],
  [
    'ListModelPackages',
    { ModelPackageGroupName: 'arn:aws:sagemaker:us-east-1:1234:model-package-group/churn' },
    "at 'modelPackageGroupName'",
  ],
  [
    'ListModelPackages',
    { ModelPackageGroupName: `arn:aws:sagemaker:${'a'.repeat(150)}:123456789012:model-package-group/churn` },
    "at 'modelPackageGroupName' failed to satisfy constraint: Member must have length less than or equal to 170",
  ],
  ['ListModelPackages', { CreationTimeBefore: 'yesterday' }, "at 'creationTimeBefore'"],
];

describe('input validation', () => {
  it.each(cases)('%s %j → ValidationException naming the member', (operation, body, expected) => {
    const error = errorOf(() => call(operation, body));
    expect([error.code, error.status]).toEqual(['ValidationException', 400]);
    expect(error.message).toMatch(/^\d validation errors? detected: /);
    expect(error.message).toContain(expected);
  });

  it('reports every violation at once, AWS style', () => {
    const error = errorOf(() => call('ListImages', { MaxResults: 1000, SortOrder: 'UP' }));
    expect(error.message).toMatch(
      /^2 validation errors detected: Value '1000' at 'maxResults'.*; Value 'UP' at 'sortOrder'/,
    );
  });

  it.each([
    [
      'ListImages',
      {
        NameContains: 'tf-2.13',
        MaxResults: 1,
        SortBy: 'IMAGE_NAME',
        SortOrder: 'ASCENDING',
        CreationTimeAfter: 1704164645.678,
      },
    ],
    ['ListImageVersions', { ImageName: 'pytorch-2-3-gpu', MaxResults: 100, SortBy: 'VERSION' }],
    [
      'ListModelPackages',
      { ModelPackageGroupName: 'arn:aws:sagemaker:us-east-1:123456789012:model-package-group/churn-xgboost' },
    ],
    [
      'ListModelPackages',
      {
        NameContains: 'churn',
        ModelApprovalStatus: 'PendingManualApproval',
        ModelPackageType: 'Both',
        SortBy: 'Name',
        SortOrder: 'Descending',
      },
    ],
    ['ListImages', { SomeFutureMember: 'ignored', MaxResults: null }],
  ] as const)('accepts valid input for %s %j', (operation, body) => {
    const catalog = catalogOf({
      images: [
        {
          ImageName: 'pytorch-2-3-gpu',
          ImageArn: 'arn:aws:sagemaker:us-east-1:123456789012:image/pytorch-2-3-gpu',
          ImageStatus: 'CREATED',
          CreationTime: 0,
          LastModifiedTime: 0,
        },
      ],
    });
    expect(() => lister(catalog)(operation, { ...body })).not.toThrow();
  });
});
