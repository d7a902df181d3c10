import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../catalog/catalog-provider';
import { MODEL_PACKAGE_GROUP_STATUSES } from '../catalog/types';
import { CENTRAL_REGISTRY_ACCOUNT } from '../catalog/vocabulary';
import { catalogOf, lister } from '../test-support/call-list';
import { group, names, versioned } from '../test-support/records';

const S = 1000;
const CENTRAL = `arn:aws:sagemaker:us-east-1:${CENTRAL_REGISTRY_ACCOUNT}`;
const catalog = catalogOf({
  groups: [
    group('churn-xgboost', 100 * S, { ModelPackageGroupDescription: 'Churn models' }),
    group('fraud-detection-models', 300 * S),
    group('ad-ctr-prediction', 300 * S, { ModelPackageGroupStatus: 'Failed' }),
    group('credit-risk-scorecard', 200 * S),
  ],
  shared: {
    groups: [
      group('central-churn-xgboost', 50 * S, {
        ModelPackageGroupArn: `${CENTRAL}:model-package-group/central-churn-xgboost`,
      }),
    ],
    packages: [
      versioned('central-churn-xgboost', 1, 60 * S, {
        ModelPackageArn: `${CENTRAL}:model-package/central-churn-xgboost/1`,
      }),
    ],
  },
  packages: [versioned('churn-xgboost', 1, 150 * S)],
});
const call = lister(catalog);
const list = (body: Record<string, unknown> = {}) =>
  names(call('ListModelPackageGroups', body).ModelPackageGroupSummaryList, 'ModelPackageGroupName');

describe('ListModelPackageGroups', () => {
  it("lists this account's groups, oldest first, ties by name, by default", () => {
    expect(list()).toEqual(['churn-xgboost', 'credit-risk-scorecard', 'ad-ctr-prediction', 'fraud-detection-models']);
  });

  it('sorts by name or by creation time, in either order', () => {
    expect(list({ SortBy: 'Name' })).toEqual([
      'ad-ctr-prediction',
      'churn-xgboost',
      'credit-risk-scorecard',
      'fraud-detection-models',
    ]);
    expect(list({ SortBy: 'CreationTime', SortOrder: 'Descending' })).toEqual([
      'fraud-detection-models',
      'ad-ctr-prediction',
      'credit-risk-scorecard',
      'churn-xgboost',
    ]);
  });

  it('filters by a case-insensitive name part and exclusive creation bounds', () => {
    expect(list({ NameContains: 'CHURN' })).toEqual(['churn-xgboost']);
    expect(list({ CreationTimeAfter: 100, CreationTimeBefore: 300 })).toEqual(['credit-risk-scorecard']);
  });

  it('lists only the groups other accounts shared with CrossAccount, with their owner in the ARN', () => {
    const shared = call('ListModelPackageGroups', { CrossAccountFilterOption: 'CrossAccount' });
    expect(names(shared.ModelPackageGroupSummaryList, 'ModelPackageGroupArn')).toEqual([
      `${CENTRAL}:model-package-group/central-churn-xgboost`,
    ]);
    expect(list({ CrossAccountFilterOption: 'SameAccount' })).toHaveLength(4);
  });

  it("lists a shared group's packages when ListModelPackages is given its ARN", () => {
    const arn = `${CENTRAL}:model-package-group/central-churn-xgboost`;
    const packages = call('ListModelPackages', { ModelPackageGroupName: arn }).ModelPackageSummaryList;
    expect(names(packages, 'ModelPackageArn')).toEqual([`${CENTRAL}:model-package/central-churn-xgboost/1`]);
    expect(
      names(
        call('ListModelPackages', { ModelPackageGroupName: 'central-churn-xgboost' }).ModelPackageSummaryList,
        'ModelPackageArn',
      ),
    ).toEqual([]);
  });

  it('names the member of a bad value in the AWS wording', () => {
    expect(() => call('ListModelPackageGroups', { CrossAccountFilterOption: 'Everyone' })).toThrow(
      /Value 'Everyone' at 'crossAccountFilterOption' failed to satisfy constraint: Member must be one of the enum value set: \[SameAccount, CrossAccount\]/,
    );
    expect(() => call('ListModelPackageGroups', { NameContains: 'churn.v2' })).toThrow(/at 'nameContains'/);
    expect(() => call('ListModelPackageGroups', { SortBy: 'CREATION_TIME' })).toThrow(/at 'sortBy'/);
  });

  it('pages with NextToken, 10 at a time by default', () => {
    const many = catalogOf({
      groups: Array.from({ length: 23 }, (_, i) => group(`g-${String(i).padStart(2, '0')}`, i * S)),
    });
    const page = lister(many);
    const first = page('ListModelPackageGroups', {});
    expect(names(first.ModelPackageGroupSummaryList, 'ModelPackageGroupName')).toHaveLength(10);
    const second = page('ListModelPackageGroups', { NextToken: first.NextToken, MaxResults: 20 });
    expect(names(second.ModelPackageGroupSummaryList, 'ModelPackageGroupName')).toHaveLength(13);
    expect(second.NextToken).toBeUndefined();
  });
});

describe('generated model package groups', () => {
  const generated = generateCatalog(
    { accountId: '123456789012', region: 'us-east-1' },
    42,
    'medium',
    Date.UTC(2026, 10, 1),
  );

  it('hold every group a versioned package names, created no later than its first package', () => {
    const byName = new Map(generated.modelPackageGroups.map((g) => [g.ModelPackageGroupName, g]));
    for (const pkg of generated.modelPackages) {
      if (pkg.ModelPackageGroupName === undefined) continue;
      const owner = byName.get(pkg.ModelPackageGroupName);
      expect(owner, pkg.ModelPackageArn).toBeDefined();
      expect(owner?.CreationTime).toBeLessThanOrEqual(pkg.CreationTime);
      expect(owner?.ModelPackageGroupArn).toBe(
        pkg.ModelPackageArn.replace(/:model-package\/([^/]+)\/\d+$/, ':model-package-group/$1'),
      );
    }
  });

  it('have more than a page of groups, every status, descriptions, and groups shared from another account', () => {
    expect(generated.modelPackageGroups.length).toBeGreaterThan(150);
    expect(new Set(generated.modelPackageGroups.map((g) => g.ModelPackageGroupStatus))).toEqual(
      new Set(MODEL_PACKAGE_GROUP_STATUSES),
    );
    expect(generated.modelPackageGroups.some((g) => g.ModelPackageGroupDescription !== undefined)).toBe(true);
    expect(generated.shared.groups.length).toBeGreaterThan(0);
    for (const shared of generated.shared.groups)
      expect(shared.ModelPackageGroupArn).toContain(`:${CENTRAL_REGISTRY_ACCOUNT}:`);
    for (const pkg of generated.shared.packages) expect(pkg.ModelPackageArn).toContain(`:${CENTRAL_REGISTRY_ACCOUNT}:`);
  });
});
