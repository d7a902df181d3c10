import { modelPackageGroupsListing } from '@/lib/resources/schemas/model-package-groups';
import { listRoute } from '@/lib/server/list-route';

export const { GET } = listRoute(modelPackageGroupsListing);
