import { describe, expect, it } from 'vitest';
import { imageVersionPath } from './image-versions';
import { imageQuery } from './images';
import { modelPackageQuery } from './model-packages';
import { parseInstant } from './constraints';

const firstIssuePath = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues[0]?.path.join('.');

describe('parseInstant', () => {
  it.each([
    ['2026-01-31T12:00:00Z', '2026-01-31T12:00:00.000Z'],
    ['2026-01-31T12:00:00.250+02:00', '2026-01-31T10:00:00.250Z'],
    ['2026-01-31', '2026-01-31T00:00:00.000Z'],
    ['1704164645', '2024-01-02T03:04:05.000Z'],
    ['1704164645.678', '2024-01-02T03:04:05.678Z'],
    ['2028-02-29', '2028-02-29T00:00:00.000Z'],
    ['2026-01-31T23:59:59-1130', '2026-02-01T11:29:59.000Z'],
  ])('reads %s', (input, iso) => {
    expect(parseInstant(input)?.toISOString()).toBe(iso);
  });

  it.each([
    'yesterday',
    '2026-13-01T00:00:00Z',
    '2026-01-31T12:00:00',
    '',
    '-5',
    '1e9',
    '2026-02-30',
    '2026-02-29T00:00:00Z',
    '2025-04-31T10:00:00Z',
    '2026-01-31T24:00:00Z',
    '2026-01-31T23:60:00Z',
    '2026-01-31T23:59:60Z',
    '2026-01-31T12:00:00+24:00',
    '2026-01-31T12:00:00+02:60',
  ])('rejects %j', (input) => {
    expect(parseInstant(input)).toBeUndefined();
  });
});

describe('proxy query schemas', () => {
  it('accepts the API member names with their constraints', () => {
    const parsed = imageQuery.parse({ NameContains: 'tf-2.13', MaxResults: '100', SortBy: 'IMAGE_NAME' });
    expect(parsed).toEqual({ NameContains: 'tf-2.13', MaxResults: 100, SortBy: 'IMAGE_NAME' });
  });

  it.each([
    [{ MaxResults: '0' }, 'MaxResults'],
    [{ MaxResults: '101' }, 'MaxResults'],
    [{ MaxResults: '1.5' }, 'MaxResults'],
    [{ NameContains: 'bad name!' }, 'NameContains'],
    [{ NameContains: 'x'.repeat(64) }, 'NameContains'],
    [{ SortBy: 'Name' }, 'SortBy'],
    [{ SortOrder: 'ascending' }, 'SortOrder'],
    [{ CreationTimeAfter: 'soon' }, 'CreationTimeAfter'],
    [{ NextToken: 't'.repeat(8193) }, 'NextToken'],
  ])('rejects images %j naming %s', (input, param) => {
    expect(firstIssuePath(imageQuery.safeParse(input))).toBe(param);
  });

  it('rejects unknown parameters', () => {
    const result = imageQuery.safeParse({ nameContains: 'x' });
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('uses the PascalCase enums of ListModelPackages and rejects a dot in NameContains', () => {
    expect(
      modelPackageQuery.safeParse({ SortBy: 'CreationTime', SortOrder: 'Descending', ModelPackageType: 'Both' })
        .success,
    ).toBe(true);
    expect(firstIssuePath(modelPackageQuery.safeParse({ SortBy: 'CREATION_TIME' }))).toBe('SortBy');
    expect(firstIssuePath(modelPackageQuery.safeParse({ NameContains: 'churn.v2' }))).toBe('NameContains');
    expect(firstIssuePath(modelPackageQuery.safeParse({ ModelApprovalStatus: 'APPROVED' }))).toBe(
      'ModelApprovalStatus',
    );
  });

  it('takes a group name or a group ARN', () => {
    for (const group of ['churn-models', 'arn:aws:sagemaker:us-east-1:123456789012:model-package-group/churn-models']) {
      expect(modelPackageQuery.safeParse({ ModelPackageGroupName: group }).success).toBe(true);
    }
    for (const group of [
      'churn-models-',
      '-churn',
      'churn_models',
      'arn:aws:sagemaker:us-east-1:12345:model-package-group/x',
    ]) {
      expect(firstIssuePath(modelPackageQuery.safeParse({ ModelPackageGroupName: group }))).toBe(
        'ModelPackageGroupName',
      );
    }
  });

  it('checks ImageName as a whole value', () => {
    expect(imageVersionPath.safeParse({ ImageName: 'pytorch-2.3-gpu' }).success).toBe(true);
    for (const name of ['-x', 'x-', 'a--b', 'a_b', 'x'.repeat(64), '']) {
      expect(firstIssuePath(imageVersionPath.safeParse({ ImageName: name }))).toBe('ImageName');
    }
  });
});
