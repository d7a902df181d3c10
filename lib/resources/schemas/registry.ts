import 'server-only';
import type { ResourceId } from '../registry';
import { imageVersionsListing } from './image-versions';
import { imagesListing } from './images';
import type { Listing } from './listing';
import { modelPackageGroupsListing } from './model-package-groups';
import { modelPackagesListing } from './model-packages';

const listings: Record<ResourceId, Listing> = {
  images: imagesListing,
  'image-versions': imageVersionsListing,
  'model-package-groups': modelPackageGroupsListing,
  'model-packages': modelPackagesListing,
};

/** The server's listing of a registered resource: its spec with the API's schemas. */
export function listingOf(id: ResourceId): Listing {
  return listings[id];
}

/** The members a details answer may hold: the row's own and the ones the spec lists, nothing else. */
export function detailsFields(listing: {
  row: Listing['row'];
  details?: { fields: readonly string[] };
}): readonly string[] {
  return [...Object.keys(listing.row.shape), ...(listing.details?.fields ?? [])];
}
