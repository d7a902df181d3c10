import 'server-only';
import { toJsonShape } from '@/lib/sagemaker/to-row';

/** Resource + validated parameters (times normalized to ISO, keys sorted) + backend identity. */
export function cacheKey(resource: string, identity: string, params: Record<string, unknown>): string {
  const normalized = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => [name, toJsonShape(value)]);
  return `${identity}\n${resource}\n${JSON.stringify(normalized)}`;
}
