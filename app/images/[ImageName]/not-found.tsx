import { listingNotFound } from '@/app/_listing/listing-page';
import { imageVersionsSpec } from '@/lib/resources/image-versions';

export default listingNotFound(imageVersionsSpec);
