import { listingPage } from '@/app/_listing/listing-page';
import { modelPackageGroupsListing } from '@/lib/resources/schemas/model-package-groups';

const listing = listingPage(modelPackageGroupsListing);
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
