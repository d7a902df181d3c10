import { generateImages } from './generate-images';
import { generateModelPackageGroups } from './generate-model-package-groups';
import { generateModelPackages } from './generate-model-packages';
import { SCALES } from './scales';
import { DAY_MS } from './timeline';
import { buildCatalog, type Catalog, type Scale, type ScopeIds } from './types';

export interface CatalogProvider {
  get(ids: ScopeIds): Catalog;
}

export function generateCatalog(ids: ScopeIds, seed: number, scale: Scale, nowMs: number): Catalog {
  const anchor = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const { images, versionsByImage } = generateImages(ids, seed, SCALES[scale].images, anchor);
  const modelPackages = generateModelPackages(ids, seed, SCALES[scale].modelPackages, anchor);
  const { groups, shared } = generateModelPackageGroups(ids, seed, SCALES[scale].modelPackages, modelPackages, anchor);
  return buildCatalog({ images, versionsByImage, modelPackages, modelPackageGroups: groups, shared });
}

/** One catalog per (account, region), generated on first use. */
export function generatedCatalogs(seed: number, scale: Scale, now: () => number): CatalogProvider {
  const cache = new Map<string, Catalog>();
  return {
    get(ids) {
      const key = `${ids.accountId}/${ids.region}`;
      let catalog = cache.get(key);
      if (!catalog) {
        catalog = generateCatalog(ids, seed, scale, now());
        cache.set(key, catalog);
      }
      return catalog;
    },
  };
}

export function fixedCatalog(catalog: Catalog): CatalogProvider {
  return { get: () => catalog };
}
