import { unknownApiRoute } from '@/lib/server/unknown-route';

export const { GET } = unknownApiRoute();
