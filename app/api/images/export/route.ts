import { imagesSpec } from '@/lib/resources/images';
import { exportRoute } from '@/lib/server/export-route';

export const { GET } = exportRoute(imagesSpec);
