export const IMAGE_STATUSES = [
  'CREATING',
  'CREATED',
  'CREATE_FAILED',
  'UPDATING',
  'UPDATE_FAILED',
  'DELETING',
  'DELETE_FAILED',
] as const;
export const IMAGE_VERSION_STATUSES = ['CREATING', 'CREATED', 'CREATE_FAILED', 'DELETING', 'DELETE_FAILED'] as const;
export const MODEL_PACKAGE_STATUSES = ['Pending', 'InProgress', 'Completed', 'Failed', 'Deleting'] as const;
export const MODEL_APPROVAL_STATUSES = ['Approved', 'Rejected', 'PendingManualApproval'] as const;
export const REGISTRATION_TYPES = ['Logged', 'Registered'] as const;
export const MODEL_PACKAGE_GROUP_STATUSES = [
  'Pending',
  'InProgress',
  'Completed',
  'Failed',
  'Deleting',
  'DeleteFailed',
] as const;

/** Times are epoch milliseconds; they are written to the wire as epoch seconds. */
export interface ImageRecord {
  ImageName: string;
  ImageArn: string;
  DisplayName?: string;
  Description?: string;
  ImageStatus: (typeof IMAGE_STATUSES)[number];
  FailureReason?: string;
  CreationTime: number;
  LastModifiedTime: number;
}

export interface ImageVersionRecord {
  ImageArn: string;
  ImageVersionArn: string;
  ImageVersionStatus: (typeof IMAGE_VERSION_STATUSES)[number];
  FailureReason?: string;
  Version: number;
  CreationTime: number;
  LastModifiedTime: number;
}

export interface ModelLifeCycle {
  Stage: string;
  StageStatus: string;
  StageDescription?: string;
}

export interface ModelPackageRecord {
  ModelPackageName?: string;
  ModelPackageGroupName?: string;
  ModelPackageVersion?: number;
  ModelPackageArn: string;
  ModelPackageDescription?: string;
  CreationTime: number;
  ModelPackageStatus: (typeof MODEL_PACKAGE_STATUSES)[number];
  ModelApprovalStatus?: (typeof MODEL_APPROVAL_STATUSES)[number];
  ModelLifeCycle?: ModelLifeCycle;
  ModelPackageRegistrationType?: (typeof REGISTRATION_TYPES)[number];
}

export interface ModelPackageGroupRecord {
  ModelPackageGroupName: string;
  ModelPackageGroupArn: string;
  ModelPackageGroupDescription?: string;
  CreationTime: number;
  ModelPackageGroupStatus: (typeof MODEL_PACKAGE_GROUP_STATUSES)[number];
}

/** Model package groups other accounts made discoverable to this one, with their packages. */
export interface SharedRegistry {
  groups: ModelPackageGroupRecord[];
  packages: ModelPackageRecord[];
}

export interface Catalog {
  images: ImageRecord[];
  imagesByName: Map<string, ImageRecord>;
  versionsByImage: Map<string, ImageVersionRecord[]>;
  modelPackages: ModelPackageRecord[];
  modelPackageGroups: ModelPackageGroupRecord[];
  shared: SharedRegistry;
  /** Bumped whenever items are added while the emulator runs, so sorted views are rebuilt. */
  revision: number;
}

export type Scale = 'small' | 'medium' | 'large';

export interface ScopeIds {
  accountId: string;
  region: string;
}

export interface CatalogParts {
  images: ImageRecord[];
  versionsByImage: Map<string, ImageVersionRecord[]>;
  modelPackages: ModelPackageRecord[];
  modelPackageGroups: ModelPackageGroupRecord[];
  shared: SharedRegistry;
}

export function buildCatalog(parts: CatalogParts): Catalog {
  return { ...parts, imagesByName: new Map(parts.images.map((i) => [i.ImageName, i])), revision: 0 };
}

/** The group ARN of a versioned package: `…:model-package/churn/3` belongs to `…:model-package-group/churn`. */
export function groupArnOf(pkg: Pick<ModelPackageRecord, 'ModelPackageArn' | 'ModelPackageGroupName'>): string {
  const prefix = pkg.ModelPackageArn.slice(0, pkg.ModelPackageArn.indexOf(':model-package/'));
  return `${prefix}:model-package-group/${pkg.ModelPackageGroupName ?? ''}`;
}
