import { modelPackagesSpec } from '@/lib/resources/model-packages';
import { modelPackagesAdapter } from '@/lib/sagemaker/model-packages';
import { listRoute } from '@/lib/server/list-route';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = listRoute(modelPackagesSpec, modelPackagesAdapter);
