import { setTimeout as sleep } from 'node:timers/promises';
import { pageReply } from './replies';
import type { ResourceId } from '@/lib/resources/registry';
import { callRoute } from './routes';

const RETRYABLE = new Set([429, 502, 503, 504]);

export interface FullListing {
  items: Record<string, unknown>[];
  requests: number;
  retries: number;
}

/** Follows `nextToken` through the proxy like the browser does, retrying what the proxy says is retryable. */
export async function listAllThroughProxy(
  route: ResourceId,
  params: Record<string, string>,
  path: Record<string, string> = {},
): Promise<FullListing> {
  const listing: FullListing = { items: [], requests: 0, retries: 0 };
  let token: string | null = null;
  for (;;) {
    const query = new URLSearchParams(token === null ? params : { ...params, NextToken: token });
    const reply = await callRoute(route, query.toString(), path);
    listing.requests += 1;
    if (listing.requests > 2000) throw new Error('listing does not end');
    if (RETRYABLE.has(reply.status)) {
      listing.retries += 1;
      await sleep(5);
      continue;
    }
    if (reply.status !== 200) throw new Error(`proxy answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    const page = pageReply.parse(reply.body);
    listing.items.push(...page.items);
    token = page.nextToken;
    if (token === null) return listing;
  }
}

/** Timestamps compared as instants: the CLI prints `+00:00` with microseconds, the proxy ISO `Z`. */
export function normalizeTimes(item: unknown): unknown {
  if (Array.isArray(item)) return item.map(normalizeTimes);
  if (typeof item === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(item)) return Date.parse(item);
  if (typeof item !== 'object' || item === null) return item;
  return Object.fromEntries(Object.entries(item).map(([key, value]) => [key, normalizeTimes(value)]));
}
