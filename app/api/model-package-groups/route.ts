import { modelPackageGroupsSpec } from '@/lib/resources/model-package-groups';
import { listRoute } from '@/lib/server/list-route';

export const { GET } = listRoute(modelPackageGroupsSpec);
