import { describe, expect, it } from 'vitest';
import { textProblem } from '../constraints';
import { routeParams } from '../derive';
import { RESOURCE_IDS, resourceSpec } from '../registry';
import { imageVersionPath } from './image-versions';
import { imageQuery } from './images';
import { modelPackageQuery } from './model-packages';
import { listingOf } from './registry';
import { rangeApiParams, staticApiParams } from '@/lib/url/api-query';
import { readView } from '@/lib/url/view';

const firstIssuePath = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues[0]?.path.join('.');

describe.each(RESOURCE_IDS)('the %s listing', (id) => {
  const spec = resourceSpec(id);
  const listing = listingOf(id);

  it('is its spec with the API’s schemas', () => {
    expect(listing.id).toBe(id);
    expect(listing.filters).toBe(spec.filters);
    expect(listing.columns).toBe(spec.columns);
    expect(Object.keys(listing.pathParams.shape)).toEqual(routeParams(spec.route));
    for (const column of spec.columns) expect(Object.keys(listing.row.shape)).toContain(column.field);
  });

  it('refuses in the browser exactly what the API refuses, in the same words', () => {
    const samples = ['churn', 'tf-2.13', 'a.b', 'bad name!', '-x', 'x'.repeat(63), 'x'.repeat(64), 'x'.repeat(171)];
    samples.push('arn:aws:sagemaker:us-east-1:123456789012:model-package-group/churn');
    for (const filter of spec.filters) {
      if (filter.kind !== 'text') continue;
      const member = listing.query.shape[filter.apiParam];
      expect(member, filter.apiParam).toBeDefined();
      for (const sample of samples) {
        const parsed = listing.query.safeParse({ [filter.apiParam]: sample });
        const refusal = parsed.success ? null : (parsed.error.issues[0]?.message ?? '');
        expect(textProblem(filter.rule, sample), `${filter.apiParam}=${sample}`).toBe(refusal);
      }
    }
  });
});

describe('proxy query schemas', () => {
  it('accept the parameters a view sends', () => {
    const spec = resourceSpec('model-packages');
    const search = new URLSearchParams('name=churn&created=PT24H&sort=name&approval=Rejected&group=churn-models');
    const { values } = readView(spec, (param) => search.get(param));
    const query = {
      ...staticApiParams(spec, values),
      ...rangeApiParams(spec, values, Date.parse('2026-03-10T12:00:00Z')),
      MaxResults: '100',
    };
    expect(modelPackageQuery.safeParse(query).success).toBe(true);
  });

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
