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

export interface Catalog {
  images: ImageRecord[];
  imagesByName: Map<string, ImageRecord>;
  versionsByImage: Map<string, ImageVersionRecord[]>;
  modelPackages: ModelPackageRecord[];
}

export type Scale = 'small' | 'medium' | 'large';

export interface ScopeIds {
  accountId: string;
  region: string;
}

export function buildCatalog(
  images: ImageRecord[],
  versionsByImage: Map<string, ImageVersionRecord[]>,
  modelPackages: ModelPackageRecord[],
): Catalog {
  return { images, imagesByName: new Map(images.map((i) => [i.ImageName, i])), versionsByImage, modelPackages };
}
