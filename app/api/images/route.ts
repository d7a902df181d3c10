import { imagesListing } from '@/lib/resources/schemas/images';
import { listRoute } from '@/lib/server/list-route';

export const { GET } = listRoute(imagesListing);
