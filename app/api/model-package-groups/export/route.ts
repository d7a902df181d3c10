import { modelPackageGroupsSpec } from '@/lib/resources/model-package-groups';
import { exportRoute } from '@/lib/server/export-route';

export const { GET } = exportRoute(modelPackageGroupsSpec);
