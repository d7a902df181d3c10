import 'server-only';
import { renderMetrics } from '@/lib/observability/metrics';

export async function GET(): Promise<Response> {
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}
