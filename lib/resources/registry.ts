import { imageVersionsSpec } from './image-versions';
import { imagesSpec } from './images';
import { modelPackagesSpec } from './model-packages';

export const resources = {
  images: imagesSpec,
  'image-versions': imageVersionsSpec,
  'model-packages': modelPackagesSpec,
} as const;

export type Resources = typeof resources;
export { imageVersionsSpec, imagesSpec, modelPackagesSpec };
