import { modelPackageGroupsListing } from '@/lib/resources/schemas/model-package-groups';
import { exportRoute } from '@/lib/server/export-route';

export const { GET } = exportRoute(modelPackageGroupsListing);
