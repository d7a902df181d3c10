import { createHash } from 'node:crypto';
import type { ImageRecord, ImageVersionRecord, ModelPackageGroupRecord, ModelPackageRecord } from './types';

/** Stable hex digits derived from a record's identity, so Describe answers the same every time. */
function digest(text: string, length = 64): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

function arnParts(arn: string): { region: string; account: string } {
  const [, , , region = 'us-east-1', account = '000000000000'] = arn.split(':');
  return { region, account };
}

const FRAMEWORKS: readonly [RegExp, string][] = [
  [/pytorch/, 'PyTorch'],
  [/tensorflow/, 'TensorFlow'],
  [/sklearn/, 'Sklearn'],
  [/xgboost/, 'XGBoost'],
  [/huggingface/, 'Transformers'],
  [/lightgbm/, 'LightGBM'],
  [/r-tidyverse/, 'R'],
  [/spark/, 'Spark'],
  [/jax/, 'JAX'],
  [/vllm/, 'vLLM'],
];

function imageName(arn: string): string {
  return arn.slice(arn.indexOf(':image/') + ':image/'.length);
}

export function imageDetails(image: ImageRecord): Record<string, unknown> {
  const { account } = arnParts(image.ImageArn);
  return { RoleArn: `arn:aws:iam::${account}:role/SageMakerImageRole` };
}

/** What DescribeImageVersion adds to a listed version: the container image, framework, job type, notes. */
export function imageVersionDetails(version: ImageVersionRecord): Record<string, unknown> {
  const { region, account } = arnParts(version.ImageVersionArn);
  const name = imageName(version.ImageArn);
  const framework = FRAMEWORKS.find(([pattern]) => pattern.test(name))?.[1] ?? 'Python';
  const release = /-(\d+)-(\d+)-/.exec(`${name}-`);
  const registry = `${account}.dkr.ecr.${region}.amazonaws.com`;
  const jobType = /training/.test(name) ? 'TRAINING' : /inference/.test(name) ? 'INFERENCE' : 'NOTEBOOK_KERNEL';
  return {
    BaseImage: `${registry}/ml-platform/${name}:${version.Version}`,
    ContainerImage: `${registry}/ml-platform/${name}@sha256:${digest(version.ImageVersionArn)}`,
    JobType: jobType,
    MLFramework: `${framework} ${release === null ? '1.0' : `${release[1]}.${release[2]}`}`,
    ProgrammingLang: 'Python 3.11',
    Processor: /gpu|vllm/.test(name) ? 'GPU' : 'CPU',
    Horovod: /training/.test(name) && /gpu/.test(name),
    ReleaseNotes: `Version ${version.Version}: rebuilt on the monthly base image with security patches.`,
    VendorGuidance: version.Version === 1 ? 'TO_BE_ARCHIVED' : 'STABLE',
  };
}

const APPROVAL_NOTES: Record<string, string> = {
  Approved: 'Approved by ml-reviews: holdout AUC within 0.5 pt of production, latency p99 under 40 ms.',
  Rejected: 'Rejected: calibration drifted on the last 30 days of traffic.',
  PendingManualApproval: 'Waiting for a reviewer from the owning team.',
};

/** What DescribeModelPackage adds: containers and artifacts, metrics, metadata, and sometimes a model card. */
export function modelPackageDetails(pkg: ModelPackageRecord): Record<string, unknown> {
  const { region, account } = arnParts(pkg.ModelPackageArn);
  const key = pkg.ModelPackageArn.slice(pkg.ModelPackageArn.indexOf(':model-package/') + ':model-package/'.length);
  const bucket = `s3://sagemaker-${region}-${account}/models/${key}`;
  const hash = digest(pkg.ModelPackageArn);
  return {
    ...(pkg.ModelApprovalStatus === undefined ? {} : { ApprovalDescription: APPROVAL_NOTES[pkg.ModelApprovalStatus] }),
    InferenceSpecification: {
      Containers: [
        {
          Image: `${account}.dkr.ecr.${region}.amazonaws.com/inference/${pkg.ModelPackageName ?? 'model'}:latest`,
          ImageDigest: `sha256:${hash}`,
          ModelDataUrl: `${bucket}/model.tar.gz`,
        },
      ],
      SupportedContentTypes: ['text/csv', 'application/json'],
      SupportedResponseMIMETypes: ['application/json'],
      SupportedRealtimeInferenceInstanceTypes: ['ml.m5.xlarge', 'ml.g5.xlarge'],
      SupportedTransformInstanceTypes: ['ml.m5.xlarge'],
    },
    ModelMetrics: {
      ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: `${bucket}/evaluation/statistics.json` } },
      ModelDataQuality: {
        Constraints: { ContentType: 'application/json', S3Uri: `${bucket}/monitoring/constraints.json` },
      },
    },
    CustomerMetadataProperties: { team: 'ml-platform', 'git-commit': hash.slice(0, 7) },
    ModelPackageStatusDetails: { ValidationStatuses: [] },
    ...(hash.startsWith('0') || hash.startsWith('8') ? { SourceUri: `${bucket}/source/sourcedir.tar.gz` } : {}),
    ...(Number.parseInt(hash.slice(0, 2), 16) % 3 === 0
      ? {
          ModelCard: {
            ModelCardContent: '{"intended_uses": "internal only", "owner": "risk-team"}',
            ModelCardStatus: 'Draft',
          },
        }
      : {}),
    LastModifiedTime: pkg.CreationTime + 3_600_000,
  };
}

export function modelPackageGroupDetails(group: ModelPackageGroupRecord): Record<string, unknown> {
  return { CreatedBy: { UserProfileName: 'ml-platform-bot', DomainId: `d-${digest(group.ModelPackageGroupArn, 12)}` } };
}
