import { modelPackagesListing } from '@/lib/resources/schemas/model-packages';
import { listRoute } from '@/lib/server/list-route';

export const { GET } = listRoute(modelPackagesListing);
