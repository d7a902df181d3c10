import { listingPage } from '@/app/_listing/listing-page';
import { modelPackagesSpec } from '@/lib/resources/model-packages';

const listing = listingPage(modelPackagesSpec);
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
