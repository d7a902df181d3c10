import { listingPage } from '@/app/_listing/listing-page';
import { imageVersionsListing } from '@/lib/resources/schemas/image-versions';

const listing = listingPage(imageVersionsListing);
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
