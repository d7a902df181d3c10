import { describe, expect, it } from 'vitest';
import { catalogOf, lister } from '../test-support/call-list';
import { names, unversioned, versioned } from '../test-support/records';

const S = 1000;
const catalog = catalogOf({
  packages: [
    versioned('churn-xgboost', 1, 100 * S, { ModelApprovalStatus: 'Approved' }),
    versioned('churn-xgboost', 2, 300 * S, { ModelApprovalStatus: 'Rejected' }),
    versioned('churn-xgboost', 3, 300 * S, { ModelApprovalStatus: 'PendingManualApproval' }),
    versioned('fraud-detection-models', 1, 200 * S, { ModelApprovalStatus: 'Approved' }),
    unversioned('bert-base-uncased', 250 * S),
    unversioned('resnet50-imagenet', 50 * S),
    unversioned('churn-baseline', 300 * S),
  ],
});
const call = lister(catalog);
const list = (body: Record<string, unknown>) =>
  names(call('ListModelPackages', body).ModelPackageSummaryList, 'ModelPackageArn').map(
    (arn) => String(arn).split(':model-package/')[1],
  );

describe('ListModelPackages', () => {
  it('lists only unversioned packages, oldest first, by default', () => {
    expect(list({})).toEqual(['resnet50-imagenet', 'bert-base-uncased', 'churn-baseline']);
  });

  it('lists versioned or all packages on request', () => {
    expect(list({ ModelPackageType: 'Versioned' })).toEqual([
      'churn-xgboost/1',
      'fraud-detection-models/1',
      'churn-xgboost/2',
      'churn-xgboost/3',
    ]);
    expect(list({ ModelPackageType: 'Both' })).toHaveLength(7);
  });

  it('lists the versioned packages of a group given by name', () => {
    expect(list({ ModelPackageGroupName: 'churn-xgboost' })).toEqual([
      'churn-xgboost/1',
      'churn-xgboost/2',
      'churn-xgboost/3',
    ]);
  });

  it('accepts the group ARN and matches its group part', () => {
    const arn = 'arn:aws:sagemaker:us-east-1:123456789012:model-package-group/Fraud-Detection-Models';
    expect(list({ ModelPackageGroupName: arn })).toEqual(['fraud-detection-models/1']);
  });

  it('returns nothing for a group combined with Unversioned', () => {
    expect(list({ ModelPackageGroupName: 'churn-xgboost', ModelPackageType: 'Unversioned' })).toEqual([]);
  });

  it('treats creation bounds as exclusive', () => {
    expect(list({ ModelPackageType: 'Both', CreationTimeAfter: 100, CreationTimeBefore: 300 })).toEqual([
      'fraud-detection-models/1',
      'bert-base-uncased',
    ]);
  });

  it('filters by approval status and name fragment', () => {
    expect(list({ ModelPackageType: 'Both', ModelApprovalStatus: 'Approved' })).toEqual([
      'churn-xgboost/1',
      'fraud-detection-models/1',
    ]);
    expect(list({ ModelPackageType: 'Both', NameContains: 'CHURN' })).toEqual([
      'churn-xgboost/1',
      'churn-baseline',
      'churn-xgboost/2',
      'churn-xgboost/3',
    ]);
  });

  it('sorts by name with versions as tie-break, in either direction', () => {
    expect(list({ ModelPackageType: 'Both', SortBy: 'Name' })).toEqual([
      'bert-base-uncased',
      'churn-baseline',
      'churn-xgboost/1',
      'churn-xgboost/2',
      'churn-xgboost/3',
      'fraud-detection-models/1',
      'resnet50-imagenet',
    ]);
    expect(list({ ModelPackageType: 'Versioned', SortOrder: 'Descending' })).toEqual([
      'churn-xgboost/3',
      'churn-xgboost/2',
      'fraud-detection-models/1',
      'churn-xgboost/1',
    ]);
  });
});
