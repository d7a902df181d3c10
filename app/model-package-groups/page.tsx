import { listingPage } from '@/app/_listing/listing-page';
import { modelPackageGroupsSpec } from '@/lib/resources/model-package-groups';

const listing = listingPage(modelPackageGroupsSpec);
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
