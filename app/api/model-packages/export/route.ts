import { modelPackagesListing } from '@/lib/resources/schemas/model-packages';
import { exportRoute } from '@/lib/server/export-route';

export const { GET } = exportRoute(modelPackagesListing);
