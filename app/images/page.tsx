import { listingPage } from '@/app/_listing/listing-page';
import { imagesSpec } from '@/lib/resources/images';

const listing = listingPage(imagesSpec);
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
