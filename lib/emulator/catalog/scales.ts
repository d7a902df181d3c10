import type { ImageScale } from './generate-images';
import type { ModelPackageScale } from './generate-model-packages';
import type { Scale } from './types';

export const SCALES: Record<Scale, { images: ImageScale; modelPackages: ModelPackageScale }> = {
  small: {
    images: { images: 20, largeImages: 1, largeVersions: [30, 40], versions: [1, 6] },
    modelPackages: { groups: 5, versioned: 60, unversioned: 15, emptyGroups: 10, sharedGroups: 2 },
  },
  medium: {
    images: { images: 160, largeImages: 3, largeVersions: [100, 160], versions: [1, 20] },
    modelPackages: { groups: 30, versioned: 2000, unversioned: 300, emptyGroups: 130, sharedGroups: 6 },
  },
  large: {
    images: { images: 400, largeImages: 8, largeVersions: [100, 250], versions: [1, 25] },
    modelPackages: { groups: 120, versioned: 20000, unversioned: 1500, emptyGroups: 130, sharedGroups: 8 },
  },
};
