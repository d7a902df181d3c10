import { listingPage } from '@/app/_listing/listing-page';
import { modelPackagesListing } from '@/lib/resources/schemas/model-packages';

const listing = listingPage(modelPackagesListing);
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
