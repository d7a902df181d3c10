import { imageVersionsListing } from '@/lib/resources/schemas/image-versions';
import { listRoute } from '@/lib/server/list-route';

export const { GET } = listRoute(imageVersionsListing);
