import { imageVersionsListing } from '@/lib/resources/schemas/image-versions';
import { exportRoute } from '@/lib/server/export-route';

export const { GET } = exportRoute(imageVersionsListing);
