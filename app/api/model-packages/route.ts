import { modelPackagesSpec } from '@/lib/resources/model-packages';
import { listRoute } from '@/lib/server/list-route';

export const { GET } = listRoute(modelPackagesSpec);
