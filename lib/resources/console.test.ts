import { describe, expect, it } from 'vitest';
import { regionFromArn, sageMakerConsoleUrl } from './console';
import { imageVersionsSpec } from './image-versions';
import { imagesSpec } from './images';
import { modelPackagesSpec } from './model-packages';

const IMAGE_ARN = 'arn:aws:sagemaker:eu-west-1:123456789012:image/tf-2.13';

describe('console URLs', () => {
  it('reads the region from the ARN', () => {
    expect(regionFromArn(IMAGE_ARN)).toBe('eu-west-1');
    expect(regionFromArn('not-an-arn')).toBeUndefined();
  });

  it('opens each resource in the region and partition of its ARN', () => {
    expect(
      imagesSpec.consoleUrl({
        ImageName: 'tf-2.13',
        ImageArn: IMAGE_ARN,
        ImageStatus: 'CREATED',
        CreationTime: '',
        LastModifiedTime: '',
      }),
    ).toBe('https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1#/images/tf-2.13');
    expect(
      imageVersionsSpec.consoleUrl({
        Version: 3,
        ImageArn: IMAGE_ARN,
        ImageVersionArn: 'arn:aws:sagemaker:eu-west-1:123456789012:image-version/tf-2.13/3',
        ImageVersionStatus: 'CREATED',
        CreationTime: '',
        LastModifiedTime: '',
      }),
    ).toBe('https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1#/images/tf-2.13/versions/3');
    expect(
      modelPackagesSpec.consoleUrl({
        ModelPackageArn: 'arn:aws-cn:sagemaker:cn-north-1:123456789012:model-package/churn/2',
        ModelPackageGroupName: 'churn',
        ModelPackageVersion: 2,
        CreationTime: '',
        ModelPackageStatus: 'Completed',
      }),
    ).toBe(
      'https://cn-north-1.console.amazonaws.cn/sagemaker/home?region=cn-north-1#/model-registry/groups/churn/versions/2',
    );
  });

  it('gives nothing for an ARN it cannot read', () => {
    expect(sageMakerConsoleUrl('arn:aws:sagemaker', 'images/x')).toBeUndefined();
  });
});
