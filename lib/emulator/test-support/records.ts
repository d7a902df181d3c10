import type { ImageRecord, ImageVersionRecord, ModelPackageRecord, ModelPackageGroupRecord } from '../catalog/types';

const ACCOUNT = 'arn:aws:sagemaker:us-east-1:123456789012';

export function image(name: string, creationMs: number, lastModifiedMs = creationMs): ImageRecord {
  return {
    ImageName: name,
    ImageArn: `${ACCOUNT}:image/${name}`,
    ImageStatus: 'CREATED',
    CreationTime: creationMs,
    LastModifiedTime: lastModifiedMs,
  };
}

export function version(
  imageName: string,
  n: number,
  creationMs: number,
  lastModifiedMs = creationMs,
): ImageVersionRecord {
  return {
    ImageArn: `${ACCOUNT}:image/${imageName}`,
    ImageVersionArn: `${ACCOUNT}:image-version/${imageName}/${n}`,
    ImageVersionStatus: 'CREATED',
    Version: n,
    CreationTime: creationMs,
    LastModifiedTime: lastModifiedMs,
  };
}

export function versioned(
  group: string,
  n: number,
  creationMs: number,
  extra: Partial<ModelPackageRecord> = {},
): ModelPackageRecord {
  return {
    ModelPackageName: group,
    ModelPackageGroupName: group,
    ModelPackageVersion: n,
    ModelPackageArn: `${ACCOUNT}:model-package/${group}/${n}`,
    CreationTime: creationMs,
    ModelPackageStatus: 'Completed',
    ...extra,
  };
}

export function unversioned(name: string, creationMs: number): ModelPackageRecord {
  return {
    ModelPackageName: name,
    ModelPackageArn: `${ACCOUNT}:model-package/${name}`,
    CreationTime: creationMs,
    ModelPackageStatus: 'Completed',
  };
}

export function group(
  name: string,
  creationMs: number,
  extra: Partial<ModelPackageGroupRecord> = {},
): ModelPackageGroupRecord {
  return {
    ModelPackageGroupName: name,
    ModelPackageGroupArn: `${ACCOUNT}:model-package-group/${name}`,
    CreationTime: creationMs,
    ModelPackageGroupStatus: 'Completed',
    ...extra,
  };
}

export function names(list: unknown, key: string): unknown[] {
  if (!Array.isArray(list)) throw new Error(`expected a list, got ${JSON.stringify(list)}`);
  return list.map((item: unknown) =>
    typeof item === 'object' && item !== null ? Object.entries(item).find(([k]) => k === key)?.[1] : undefined,
  );
}

export function itemsOf(list: unknown): unknown[] {
  if (!Array.isArray(list)) throw new Error(`expected a list, got ${JSON.stringify(list)}`);
  return list;
}
