export const dynamic = 'force-dynamic';
export { GET, POST, PUT, PATCH, DELETE, OPTIONS } from '@/lib/server/readiness-route';
