import { listingPage } from '@/app/_listing/listing-page';
import { imagesListing } from '@/lib/resources/schemas/images';

const listing = listingPage(imagesListing);
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
