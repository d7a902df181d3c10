import { listingPage } from '@/app/_listing/listing-page';
import { imageVersionsSpec } from '@/lib/resources/image-versions';

const listing = listingPage(imageVersionsSpec);
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
