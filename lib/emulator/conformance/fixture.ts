/**
 * A small pinned catalog and an independent model of the documented list semantics,
 * written without the emulator's code so conformance tests compare against the spec.
 */
const ARN = 'arn:aws:sagemaker:us-east-1:123456789012';
export const T0 = 1_700_000_000;
export const DAY = 86_400;

interface Image {
  ImageName: string;
  ImageArn: string;
  ImageStatus: string;
  FailureReason?: string;
  CreationTime: number;
  LastModifiedTime: number;
}
interface Version {
  ImageArn: string;
  ImageVersionArn: string;
  ImageVersionStatus: string;
  Version: number;
  CreationTime: number;
  LastModifiedTime: number;
}
interface Package {
  ModelPackageName: string;
  ModelPackageGroupName?: string;
  ModelPackageVersion?: number;
  ModelPackageArn: string;
  CreationTime: number;
  ModelPackageStatus: string;
  ModelApprovalStatus?: string;
  ModelPackageRegistrationType: string;
}

const image = (name: string, created: number, modified: number, status = 'CREATED'): Image => ({
  ImageName: name,
  ImageArn: `${ARN}:image/${name}`,
  ImageStatus: status,
  ...(status.endsWith('FAILED') ? { FailureReason: 'Unable to pull the image from ECR.' } : {}),
  CreationTime: T0 + created * DAY,
  LastModifiedTime: T0 + modified * DAY,
});

export const IMAGES: Image[] = [
  image('pytorch-2-3-gpu', 10, 400),
  image('pytorch-2-1-cpu', 10, 50),
  image('sklearn-inference', 20, 20),
  image('tensorflow-2-13-gpu', 30, 500),
  image('xgboost-training', 40, 41),
  image('huggingface-4-41-gpu', 50, 60, 'CREATE_FAILED'),
  image('fraud-lightgbm-cpu', 60, 60),
  image('r-tidyverse-4-3-notebook', 70, 300, 'UPDATING'),
  image('spark-3-5-cpu', 80, 90, 'DELETE_FAILED'),
  { ...image('vllm-0-6-gpu', 80, 700), CreationTime: T0 + 80 * DAY + 0.25 },
  image('jax-0-4-training', 90, 95),
  image('nlp-huggingface-inference', 100, 100),
];

const version = (imageName: string, v: number, created: number, modifiedExtraSeconds: number): Version => ({
  ImageArn: `${ARN}:image/${imageName}`,
  ImageVersionArn: `${ARN}:image-version/${imageName}/${v}`,
  ImageVersionStatus: v === 7 ? 'CREATE_FAILED' : 'CREATED',
  Version: v,
  CreationTime: T0 + created * DAY,
  LastModifiedTime: T0 + created * DAY + modifiedExtraSeconds,
});

export const VERSIONS: Record<string, Version[]> = {
  'pytorch-2-3-gpu': Array.from({ length: 25 }, (_, i) => {
    const v = i + 1;
    return version('pytorch-2-3-gpu', v, v === 14 ? 140 : 10 + v * 10, ((v * 7) % 5) * 40 * DAY);
  }),
  'sklearn-inference': [1, 2, 3].map((v) => version('sklearn-inference', v, 20 + v, 0)),
};

const APPROVALS = ['Approved', 'Rejected', 'PendingManualApproval'];
const inGroup = (group: string, count: number, createdOf: (v: number) => number): Package[] =>
  Array.from({ length: count }, (_, i) => {
    const v = i + 1;
    const logged = v % 4 === 0;
    return {
      ModelPackageName: group,
      ModelPackageGroupName: group,
      ModelPackageVersion: v,
      ModelPackageArn: `${ARN}:model-package/${group}/${v}`,
      CreationTime: T0 + createdOf(v) * DAY,
      ModelPackageStatus: v === 5 ? 'Failed' : 'Completed',
      ...(logged ? {} : { ModelApprovalStatus: APPROVALS[v % 3] }),
      ModelPackageRegistrationType: logged ? 'Logged' : 'Registered',
    };
  });
const loose = (name: string, created: number): Package => ({
  ModelPackageName: name,
  ModelPackageArn: `${ARN}:model-package/${name}`,
  CreationTime: T0 + created * DAY,
  ModelPackageStatus: 'Completed',
  ModelPackageRegistrationType: 'Registered',
});

export const PACKAGES: Package[] = [
  ...inGroup('churn-xgboost', 12, (v) => 5 + 20 * v),
  ...inGroup('fraud-detection-models', 8, (v) => (v === 4 ? 97 : 7 + 30 * v)),
  ...inGroup('demand-forecast-deepar', 5, (v) => 100 + 50 * v),
  loose('bert-base-uncased', 3),
  loose('resnet50-imagenet', 40),
  loose('churn-baseline', 45),
  loose('whisper-small', 200),
  loose('clip-vit-b32', 200),
  loose('mistral-7b', 400),
  loose('xgboost-tabular', 600),
];

interface Group {
  ModelPackageGroupName: string;
  ModelPackageGroupArn: string;
  ModelPackageGroupDescription?: string;
  CreationTime: number;
  ModelPackageGroupStatus: string;
}

const CENTRAL = 'arn:aws:sagemaker:us-east-1:210987654321';
const group = (name: string, created: number, status = 'Completed', owner = ARN): Group => ({
  ModelPackageGroupName: name,
  ModelPackageGroupArn: `${owner}:model-package-group/${name}`,
  ...(status === 'Completed' ? { ModelPackageGroupDescription: `The ${name} models` } : {}),
  CreationTime: T0 + created * DAY,
  ModelPackageGroupStatus: status,
});

export const GROUPS: Group[] = [
  group('churn-xgboost', 1),
  group('fraud-detection-models', 5),
  group('demand-forecast-deepar', 100),
  group('ltv-prediction', 100, 'Pending'),
  group('merchant-risk', 300, 'DeleteFailed'),
  group('claims-triage', 301, 'Failed'),
];
export const SHARED_GROUPS: Group[] = [group('central-fraud-ensemble', 50, 'Completed', CENTRAL)];

export const FIXTURE = {
  Images: IMAGES,
  ImageVersions: VERSIONS,
  ModelPackages: PACKAGES,
  ModelPackageGroups: GROUPS,
  SharedModelPackageGroups: SHARED_GROUPS,
};

type Key = string | number;
const order = (a: Key, b: Key) => (a < b ? -1 : a > b ? 1 : 0);
function sortBy<T>(items: T[], keys: Array<(t: T) => Key>, descending: boolean): T[] {
  return [...items].sort((a, b) => {
    for (const key of keys) {
      const c = order(key(a), key(b));
      if (c !== 0) return descending ? -c : c;
    }
    return 0;
  });
}

export interface ImageQuery {
  NameContains?: string;
  CreationTimeAfter?: number;
  CreationTimeBefore?: number;
  LastModifiedTimeAfter?: number;
  LastModifiedTimeBefore?: number;
  SortBy?: 'CREATION_TIME' | 'LAST_MODIFIED_TIME' | 'IMAGE_NAME';
  SortOrder?: 'ASCENDING' | 'DESCENDING';
}

/** Documented: inclusive bounds, CREATION_TIME / DESCENDING defaults; ties by name. */
export function expectedImages(q: ImageQuery): string[] {
  const kept = IMAGES.filter(
    (i) =>
      (q.NameContains === undefined || i.ImageName.toLowerCase().includes(q.NameContains.toLowerCase())) &&
      (q.CreationTimeAfter === undefined || i.CreationTime >= q.CreationTimeAfter) &&
      (q.CreationTimeBefore === undefined || i.CreationTime <= q.CreationTimeBefore) &&
      (q.LastModifiedTimeAfter === undefined || i.LastModifiedTime >= q.LastModifiedTimeAfter) &&
      (q.LastModifiedTimeBefore === undefined || i.LastModifiedTime <= q.LastModifiedTimeBefore),
  );
  const primary = {
    CREATION_TIME: (i: Image) => i.CreationTime,
    LAST_MODIFIED_TIME: (i: Image) => i.LastModifiedTime,
    IMAGE_NAME: (i: Image) => i.ImageName,
  }[q.SortBy ?? 'CREATION_TIME'];
  return sortBy(kept, [primary, (i) => i.ImageName], (q.SortOrder ?? 'DESCENDING') === 'DESCENDING').map(
    (i) => i.ImageName,
  );
}

export interface VersionQuery {
  ImageName: string;
  CreationTimeAfter?: number;
  CreationTimeBefore?: number;
  LastModifiedTimeAfter?: number;
  LastModifiedTimeBefore?: number;
  SortBy?: 'CREATION_TIME' | 'LAST_MODIFIED_TIME' | 'VERSION';
  SortOrder?: 'ASCENDING' | 'DESCENDING';
}

export function expectedVersions(q: VersionQuery): number[] {
  const kept = (VERSIONS[q.ImageName] ?? []).filter(
    (v) =>
      (q.CreationTimeAfter === undefined || v.CreationTime >= q.CreationTimeAfter) &&
      (q.CreationTimeBefore === undefined || v.CreationTime <= q.CreationTimeBefore) &&
      (q.LastModifiedTimeAfter === undefined || v.LastModifiedTime >= q.LastModifiedTimeAfter) &&
      (q.LastModifiedTimeBefore === undefined || v.LastModifiedTime <= q.LastModifiedTimeBefore),
  );
  const primary = {
    CREATION_TIME: (v: Version) => v.CreationTime,
    LAST_MODIFIED_TIME: (v: Version) => v.LastModifiedTime,
    VERSION: (v: Version) => v.Version,
  }[q.SortBy ?? 'CREATION_TIME'];
  return sortBy(kept, [primary, (v) => v.Version], (q.SortOrder ?? 'DESCENDING') === 'DESCENDING').map(
    (v) => v.Version,
  );
}

export interface PackageQuery {
  NameContains?: string;
  CreationTimeAfter?: number;
  CreationTimeBefore?: number;
  ModelApprovalStatus?: 'Approved' | 'Rejected' | 'PendingManualApproval';
  ModelPackageGroupName?: string;
  ModelPackageType?: 'Versioned' | 'Unversioned' | 'Both';
  SortBy?: 'Name' | 'CreationTime';
  SortOrder?: 'Ascending' | 'Descending';
}

/** Documented: exclusive bounds, CreationTime / Ascending, Unversioned unless a group is given. */
export function expectedPackages(q: PackageQuery): string[] {
  const group = q.ModelPackageGroupName?.split('/').pop()?.toLowerCase();
  const type = q.ModelPackageType ?? (group === undefined ? 'Unversioned' : 'Both');
  const kept = PACKAGES.filter(
    (p) =>
      (group === undefined || p.ModelPackageGroupName === group) &&
      (type === 'Both' || (type === 'Versioned') === (p.ModelPackageGroupName !== undefined)) &&
      (q.NameContains === undefined || p.ModelPackageName.toLowerCase().includes(q.NameContains.toLowerCase())) &&
      (q.CreationTimeAfter === undefined || p.CreationTime > q.CreationTimeAfter) &&
      (q.CreationTimeBefore === undefined || p.CreationTime < q.CreationTimeBefore) &&
      (q.ModelApprovalStatus === undefined || p.ModelApprovalStatus === q.ModelApprovalStatus),
  );
  const tieBreak = [
    (p: Package) => p.ModelPackageName,
    (p: Package) => p.ModelPackageVersion ?? 0,
    (p: Package) => p.ModelPackageArn,
  ];
  const keys = q.SortBy === 'Name' ? tieBreak : [(p: Package) => p.CreationTime, ...tieBreak];
  return sortBy(kept, keys, q.SortOrder === 'Descending').map((p) => p.ModelPackageArn);
}

export const GROUP_ARN = `${ARN}:model-package-group/fraud-detection-models`;

export interface GroupQuery {
  NameContains?: string;
  CreationTimeAfter?: number;
  CreationTimeBefore?: number;
  SortBy?: 'Name' | 'CreationTime';
  SortOrder?: 'Ascending' | 'Descending';
  CrossAccountFilterOption?: 'SameAccount' | 'CrossAccount';
}

/** Modelled: exclusive bounds, CreationTime / Ascending, this account's groups unless CrossAccount; ties by name. */
export function expectedGroups(q: GroupQuery): string[] {
  const kept = (q.CrossAccountFilterOption === 'CrossAccount' ? SHARED_GROUPS : GROUPS).filter(
    (g) =>
      (q.NameContains === undefined || g.ModelPackageGroupName.toLowerCase().includes(q.NameContains.toLowerCase())) &&
      (q.CreationTimeAfter === undefined || g.CreationTime > q.CreationTimeAfter) &&
      (q.CreationTimeBefore === undefined || g.CreationTime < q.CreationTimeBefore),
  );
  const keys =
    q.SortBy === 'Name'
      ? [(g: Group) => g.ModelPackageGroupName]
      : [(g: Group) => g.CreationTime, (g: Group) => g.ModelPackageGroupName];
  return sortBy(kept, keys, q.SortOrder === 'Descending').map((g) => g.ModelPackageGroupName);
}
