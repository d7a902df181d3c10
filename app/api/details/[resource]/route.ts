import { detailsRoute } from '@/lib/server/details-route';

export const { GET } = detailsRoute();
