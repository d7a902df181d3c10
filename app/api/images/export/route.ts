import { imagesListing } from '@/lib/resources/schemas/images';
import { exportRoute } from '@/lib/server/export-route';

export const { GET } = exportRoute(imagesListing);
