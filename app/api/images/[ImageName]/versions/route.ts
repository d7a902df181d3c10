import { imageVersionsSpec } from '@/lib/resources/image-versions';
import { listRoute } from '@/lib/server/list-route';

export const { GET } = listRoute(imageVersionsSpec);
