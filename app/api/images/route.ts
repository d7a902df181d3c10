import { imagesSpec } from '@/lib/resources/images';
import { imagesAdapter } from '@/lib/sagemaker/images';
import { listRoute } from '@/lib/server/list-route';

export const { GET } = listRoute(imagesSpec, imagesAdapter);
