import { modelPackagesSpec } from '@/lib/resources/model-packages';
import { exportRoute } from '@/lib/server/export-route';

export const { GET } = exportRoute(modelPackagesSpec);
