export const dynamic = 'force-dynamic';
export { GET } from '@/lib/server/readiness-route';
