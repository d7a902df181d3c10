import { imageVersionsSpec } from '@/lib/resources/image-versions';
import { exportRoute } from '@/lib/server/export-route';

export const { GET } = exportRoute(imageVersionsSpec);
