import { DESCRIBE_OPERATIONS } from './describe';
import { createListHandler, type ListHandler } from './list-engine';
import { listImageVersions } from './list-image-versions';
import { listImages } from './list-images';
import { listModelPackageGroups } from './list-model-package-groups';
import { listModelPackages } from './list-model-packages';

export const TARGET_PREFIX = 'SageMaker.';

/** Every operation the emulator answers: the list APIs and the Describe calls behind a row's details. */
export const OPERATIONS: ReadonlyMap<string, ListHandler> = new Map([
  ...DESCRIBE_OPERATIONS,
  [listImages.name, createListHandler(listImages)],
  [listImageVersions.name, createListHandler(listImageVersions)],
  [listModelPackageGroups.name, createListHandler(listModelPackageGroups)],
  [listModelPackages.name, createListHandler(listModelPackages)],
]);
