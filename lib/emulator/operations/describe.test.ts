import { describe, expect, it } from 'vitest';
import { startEmulator } from '../index';
import { catalogOf, lister } from '../test-support/call-list';
import { group, image, unversioned, version, versioned } from '../test-support/records';
import { rawCall } from '../test-support/signed-request';

const S = 1000;
const catalog = catalogOf({
  images: [image('pytorch-2-3-gpu', 10 * S), image('sklearn-1-4-inference', 20 * S)],
  versions: {
    'pytorch-2-3-gpu': [version('pytorch-2-3-gpu', 1, 11 * S), version('pytorch-2-3-gpu', 2, 12 * S)],
  },
  packages: [
    versioned('churn-xgboost', 1, 100 * S, { ModelApprovalStatus: 'Approved' }),
    unversioned('bert-base-uncased', 50 * S),
  ],
  groups: [group('churn-xgboost', 90 * S)],
});
const call = lister(catalog);

describe('the Describe operations', () => {
  it('DescribeImage answers the listed image and its role', () => {
    const out = call('DescribeImage', { ImageName: 'pytorch-2-3-gpu' });
    expect(out).toMatchObject({ ImageName: 'pytorch-2-3-gpu', ImageStatus: 'CREATED', CreationTime: 10 });
    expect(out.RoleArn).toMatch(/^arn:aws:iam::123456789012:role\//);
  });

  it('DescribeImageVersion answers a version, or the latest, with its container image', () => {
    const out = call('DescribeImageVersion', { ImageName: 'pytorch-2-3-gpu', Version: 1 });
    expect(out).toMatchObject({ Version: 1, JobType: 'NOTEBOOK_KERNEL', Processor: 'GPU', MLFramework: 'PyTorch 2.3' });
    expect(out.ContainerImage).toMatch(/^123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/.+@sha256:[0-9a-f]{64}$/);
    expect(call('DescribeImageVersion', { ImageName: 'pytorch-2-3-gpu' }).Version).toBe(2);
  });

  it('DescribeModelPackage takes an ARN, a group/version or an unversioned name', () => {
    const arn = 'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn-xgboost/1';
    const byArn = call('DescribeModelPackage', { ModelPackageName: arn });
    expect(byArn).toMatchObject({ ModelPackageArn: arn, ModelApprovalStatus: 'Approved' });
    expect(byArn.ApprovalDescription).toEqual(expect.any(String));
    expect(JSON.stringify(byArn.InferenceSpecification)).toMatch(
      /"ModelDataUrl":"s3:\/\/sagemaker-us-east-1-123456789012\//,
    );
    expect(call('DescribeModelPackage', { ModelPackageName: 'churn-xgboost/1' }).ModelPackageArn).toBe(arn);
    expect(call('DescribeModelPackage', { ModelPackageName: 'bert-base-uncased' }).ModelPackageName).toBe(
      'bert-base-uncased',
    );
  });

  it('DescribeModelPackageGroup takes a name or an ARN', () => {
    expect(call('DescribeModelPackageGroup', { ModelPackageGroupName: 'Churn-XGBoost' })).toMatchObject({
      ModelPackageGroupName: 'churn-xgboost',
      CreationTime: 90,
    });
  });

  it.each([
    ['DescribeImage', { ImageName: 'no-such-image' }],
    ['DescribeImageVersion', { ImageName: 'pytorch-2-3-gpu', Version: 9 }],
    ['DescribeModelPackage', { ModelPackageName: 'nothing-here' }],
    ['DescribeModelPackageGroup', { ModelPackageGroupName: 'nothing-here' }],
  ])('%s answers ResourceNotFound for an unknown name', (operation, body) => {
    expect(() => call(operation, body)).toThrow(expect.objectContaining({ code: 'ResourceNotFound' }));
  });

  it('validates the input in the AWS wording', () => {
    expect(() => call('DescribeImage', {})).toThrow(
      /at 'imageName' failed to satisfy constraint: Member must not be null/,
    );
    expect(() => call('DescribeImageVersion', { ImageName: 'x', Version: -1 })).toThrow(/at 'version'/);
  });

  it('answers AccessDeniedException for an operation the identity may not call', async () => {
    const emulator = await startEmulator({ port: 0, scale: 'small', denyOperations: ['DescribeModelPackage'] });
    try {
      const denied = await rawCall(emulator.url, {
        target: 'SageMaker.DescribeModelPackage',
        body: { ModelPackageName: 'x' },
      });
      expect(denied.status).toBe(400);
      expect(denied.json).toMatchObject({ __type: 'AccessDeniedException' });
      expect(String(denied.json.message)).toContain('not authorized to perform: sagemaker:DescribeModelPackage');
      expect((await rawCall(emulator.url, { target: 'SageMaker.ListModelPackages' })).status).toBe(200);
    } finally {
      await emulator.close();
    }
  });
});
