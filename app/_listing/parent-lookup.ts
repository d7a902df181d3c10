import 'server-only';
import { z } from 'zod';
import { registeredId } from '@/lib/resources/registry';
import { listingOf } from '@/lib/resources/schemas/registry';
import type { ResourceSpec } from '@/lib/resources/types';
import { pageCaller } from '@/lib/server/caller';
import { findRow } from '@/lib/server/find-row';
import { ProxyError } from '@/lib/server/http/proxy-error';

export type ParentLookup =
  { row: Record<string, unknown>; error?: never } | { row?: never; error: ProxyError } | undefined;

/** Names match exactly; ARNs ignoring case, as SageMaker writes some names into ARNs in lower case. */
function same(value: unknown, name: string, arn: boolean): boolean {
  if (typeof value !== 'string') return false;
  return arn ? value.toLowerCase() === name.toLowerCase() : value === name;
}

/**
 * The parent row a child listing names, by name or ARN, through the one data path (cached, coalesced, audited):
 * the list API has no exact-name filter, so it is the `contains` match with exactly that name. Undefined when
 * there is none; an upstream failure is returned to show, never taken for "not found".
 */
export async function lookupParent(parent: ResourceSpec, name: string): Promise<ParentLookup> {
  const { lookup } = parent;
  if (lookup === undefined) throw new Error(`${parent.id} has children but no lookup`);
  const arn = name.startsWith('arn:');
  const contains = arn ? name.slice(name.lastIndexOf('/') + 1) : name;
  const matches = (row: Record<string, unknown>) => same(row[arn ? lookup.arnField : lookup.nameField], name, arn);
  const listing = listingOf(registeredId(parent));
  const caller = await pageCaller(parent.id, []);
  try {
    for (const extra of [{}, ...(lookup.alsoTry ?? [])]) {
      const query = z.safeParse(listing.query, { [lookup.contains]: contains, ...extra });
      if (!query.success) return undefined;
      const row = await findRow(listing, { query: query.data, path: {}, matches }, caller);
      if (row !== undefined) return { row };
    }
    return undefined;
  } catch (error) {
    if (error instanceof ProxyError) return { error };
    throw error;
  }
}
