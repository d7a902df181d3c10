import 'server-only';
import { GET_ONLY } from './method-not-allowed';
import { renderMetrics } from './metrics';

export async function GET(): Promise<Response> {
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = GET_ONLY;
