import 'server-only';
import { z } from 'zod';
import { listPageSchema } from '@/lib/resources/schemas/params';
import { listThrough, type Caller, type ListingSpec, type PageQuery } from './listing';
import { ProxyError } from '@/lib/server/http/proxy-error';

const MAX_PAGES = 20;
const PAGE_SIZE = 100;

interface FindInput<Query, Path, Row> {
  /** The query that narrows the listing to candidates, such as `{ NameContains: name }`. */
  query: Query;
  path: Path;
  matches: (row: Row) => boolean;
}

/**
 * The first row a listing holds that `matches`, or undefined once the listing ends (an error past MAX_PAGES); pages go through the one
 * data path (cached, coalesced, audited), so a hundred views of one image cost one upstream call.
 */
export async function findRow<Query extends PageQuery, Path extends object, Row>(
  spec: ListingSpec<Query, Path, Row>,
  { query, path, matches }: FindInput<Query, Path, Row>,
  caller: Caller,
): Promise<Row | undefined> {
  const page = listPageSchema(spec.row);
  let nextToken: string | undefined;
  for (let call = 0; call < MAX_PAGES; call += 1) {
    const pageQuery = { ...query, MaxResults: PAGE_SIZE, ...(nextToken === undefined ? {} : { NextToken: nextToken }) };
    const { entry } = await listThrough(spec, { query: pageQuery, path }, caller);
    const { items, nextToken: next } = z.parse(page, JSON.parse(entry.body));
    const match = items.find(matches);
    if (match !== undefined || next === null) return match;
    nextToken = next;
  }
  throw new ProxyError(
    502,
    'UpstreamError',
    `${spec.operation} returned no exact match within ${MAX_PAGES} pages of ${PAGE_SIZE}; narrow the name.`,
  );
}
