import { imageVersionsSpec } from './image-versions';
import { imagesSpec } from './images';
import { modelPackageGroupsSpec } from './model-package-groups';
import { modelPackagesSpec } from './model-packages';
import type { ChildSpec, ResourceSpec } from './types';
import { routeParams } from './derive';

/** Every listing of the dashboard, keyed by id, in the order of the navigation. */
export const resources = {
  images: imagesSpec,
  'image-versions': imageVersionsSpec,
  'model-package-groups': modelPackageGroupsSpec,
  'model-packages': modelPackagesSpec,
} as const;

export type ResourceId = keyof typeof resources;

export function isResourceId(value: string): value is ResourceId {
  return Object.hasOwn(resources, value);
}

export const RESOURCE_IDS: readonly ResourceId[] = Object.keys(resources).filter(isResourceId);

export function resourceSpec(id: ResourceId): ResourceSpec {
  return resources[id];
}

/** The registry's id of a spec; a spec missing from the registry is a mistake found at start-up. */
export function registeredId(spec: Pick<ResourceSpec, 'id'>): ResourceId {
  if (!isResourceId(spec.id)) throw new Error(`${spec.id} is not in lib/resources/registry.ts`);
  return spec.id;
}

/** The listings reached without naming a parent: the sections of the navigation. */
export function sections(): ResourceSpec[] {
  return RESOURCE_IDS.map(resourceSpec).filter((spec) => routeParams(spec.route).length === 0);
}

/** The first section: where `/` leads and where a lost user is sent. */
export function home(): ResourceSpec {
  const [first] = sections();
  if (first === undefined) throw new Error('the registry has no listing without route parameters');
  return first;
}

/** The listing a resource is a child of, with how the child names it. */
export function parentOf(id: string): { parent: ResourceSpec; via: ChildSpec['via'] } | undefined {
  for (const parent of RESOURCE_IDS.map(resourceSpec)) {
    const child = parent.children?.find((candidate) => candidate.resource === id);
    if (child !== undefined) return { parent, via: child.via };
  }
  return undefined;
}
