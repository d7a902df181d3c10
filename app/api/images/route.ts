import { imagesSpec } from '@/lib/resources/images';
import { listRoute } from '@/lib/server/list-route';

export const { GET } = listRoute(imagesSpec);
