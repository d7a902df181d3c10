import 'server-only';
import { serverEnv } from '@/lib/config/env';
import { mayPass } from '@/lib/resources/page';
import type { CatalogSource } from '@/lib/config/sources';
import { withRequestContext } from '@/lib/observability/request-context';
import { sageMakerBackend, type SageMakerBackend } from '@/lib/sagemaker/client';
import { listPage } from '@/lib/sagemaker/list-operation';
import type { Caller, ListingSpec, PageQuery } from '../listing';
import { listingOrder, listingSort } from '../merge/order';
import { listedIn } from '../sources';
import { fromUpstream, type UpstreamContext } from '../upstream-error';
import { listSharded, withRetries, type Order } from './shards';

type Row = Record<string, unknown>;

const PAGE_SIZE = 100;
/** Shards cut up front per upstream call at once; large ones are cut again as they turn out large. */
const SHARDS_PER_SLOT = 2;
/** Pages read ahead of the writer, at most: what an export holds in memory beyond the page it writes. */
const LOOKAHEAD_PAGES = 24;
const MAX_ATTEMPTS = 6;

/** The creation-time sort a listing can be cut by: the order it is asked in, when that is by creation time. */
function creationCut(spec: ListingSpec<PageQuery, object, Row>, query: Record<string, unknown>) {
  const sort = listingSort(spec, query);
  const created = spec.columns.find((column) => column.id === 'created');
  const sortBy = spec.sort.server.created;
  if (created === undefined || sortBy === undefined || sort.field !== created.field) return undefined;
  const order: Order = sort.descending ? 'desc' : 'asc';
  return { field: created.field, sortBy, order };
}

function timeOf(field: string) {
  return (row: Row): number => {
    const value = row[field];
    const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(time)) throw new Error(`a row has no ${field}`);
    return time;
  };
}

interface SourceListing {
  spec: ListingSpec<PageQuery, object, Row>;
  backend: SageMakerBackend;
  query: Record<string, unknown>;
  path: Record<string, unknown>;
  context: UpstreamContext;
  signal: AbortSignal;
}

function retryAfter(context: UpstreamContext) {
  return (error: unknown, attempt: number): number | undefined => {
    if (attempt >= MAX_ATTEMPTS || !mayPass(fromUpstream(error, context).code)) return undefined;
    return Math.min(4_000, 200 * 2 ** attempt);
  };
}

/**
 * One source's whole listing, in its order: cut by creation time and read in parallel when it is ordered by it,
 * else page after page. A page whose error may pass is asked again.
 */
async function* sourceListing(listing: SourceListing): AsyncGenerator<Row[]> {
  const cutBy = creationCut(listing.spec, listing.query);
  if (cutBy === undefined) yield* pageByPage(listing);
  else yield* sharded(listing, cutBy);
}

function sharded(
  { spec, backend, query, path, context, signal }: SourceListing,
  cutBy: NonNullable<ReturnType<typeof creationCut>>,
): AsyncGenerator<Row[]> {
  const { CreationTimeAfter: after, CreationTimeBefore: before, ...rest } = query;
  const concurrency = serverEnv().FULL_LISTING_CONCURRENCY;
  return listSharded<Row>({
    fetch: async (call, token, size, callSignal) => {
      const page = await listPage(spec, backend, {
        query: {
          ...rest,
          ...(call.after === undefined ? {} : { CreationTimeAfter: call.after }),
          ...(call.before === undefined ? {} : { CreationTimeBefore: call.before }),
          SortBy: cutBy.sortBy,
          SortOrder: spec.sort.order[call.order],
        },
        path,
        maxResults: size,
        nextToken: token,
        signal: callSignal,
        lane: `full:${spec.operation}`,
      });
      return { items: page.items as Row[], nextToken: page.nextToken };
    },
    timeOf: timeOf(cutBy.field),
    order: cutBy.order,
    after: after instanceof Date ? after : undefined,
    before: before instanceof Date ? before : undefined,
    pageSize: PAGE_SIZE,
    concurrency,
    shards: concurrency * SHARDS_PER_SLOT,
    lookahead: LOOKAHEAD_PAGES,
    retryAfter: retryAfter(context),
    signal,
  });
}

async function* pageByPage({ spec, backend, query, path, context, signal }: SourceListing): AsyncGenerator<Row[]> {
  const lane = `full:${spec.operation}`;
  const retry = retryAfter(context);
  let token: string | undefined;
  do {
    const nextToken = token;
    const page = await withRetries(
      () => listPage(spec, backend, { query, path, maxResults: PAGE_SIZE, nextToken, signal, lane }),
      retry,
      signal,
    );
    if (page.items.length > 0) yield page.items as Row[];
    token = page.nextToken;
  } while (token !== undefined);
}

/** Rows of several sorted streams as one, in `compare`'s order; a stream's rows keep their order. */
async function* mergeStreams(streams: AsyncGenerator<Row[]>[], compare: (a: Row, b: Row) => number) {
  const heads = await Promise.all(streams.map(async (stream) => ({ stream, rows: [] as Row[], done: false })));
  const fill = async (head: (typeof heads)[number]) => {
    while (head.rows.length === 0 && !head.done) {
      const next = await head.stream.next();
      if (next.done === true) head.done = true;
      else head.rows = [...next.value];
    }
  };
  try {
    await Promise.all(heads.map(fill));
    let batch: Row[] = [];
    for (;;) {
      let best: (typeof heads)[number] | undefined;
      for (const head of heads) {
        const row = head.rows[0];
        const bestRow = best?.rows[0];
        if (row !== undefined && (bestRow === undefined || compare(row, bestRow) < 0)) best = head;
      }
      const row = best?.rows.shift();
      if (best === undefined || row === undefined) break;
      batch.push(row);
      if (best.rows.length === 0) {
        if (batch.length > 0) yield batch;
        batch = [];
        await fill(best);
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    await Promise.all(streams.map((stream) => stream.return(undefined)));
  }
}

export interface FullListingInput {
  query: Record<string, unknown>;
  path: Record<string, unknown>;
  sources: readonly CatalogSource[];
}

/**
 * Every row of a listing over its sources, in the listing's order, as batches: each source read in its own lane
 * (so a long export never holds up the tables), cut by creation time and read in parallel when the listing is
 * ordered by it, the sources read at once and merged. The rows carry their source.
 */
export async function* fullListing(
  spec: ListingSpec<PageQuery, object, Row>,
  { query, path, sources }: FullListingInput,
  caller: Caller,
  context: UpstreamContext,
  signal: AbortSignal,
): AsyncGenerator<Row[]> {
  const filters = Object.fromEntries(
    Object.entries(query).filter(([member]) => member !== 'NextToken' && member !== 'MaxResults'),
  );
  const streams = sources.map((source) => {
    const backend = sageMakerBackend(source);
    const rows = sourceListing({ spec, backend, query: filters, path, context, signal });
    return (async function* annotated() {
      try {
        for await (const batch of rows) {
          const from = listedIn(source);
          yield batch.map((row) => ({ ...row, ...from }));
        }
      } catch (error) {
        if (sources.length > 1 && error instanceof Error) Object.assign(error, { source: source.key });
        throw error;
      }
    })();
  });
  const missing = (error: unknown) => error instanceof Error && error.name === 'ResourceNotFound';
  const context$ = { requestId: caller.requestId, user: caller.user, route: caller.route };
  if (streams.length === 1 && streams[0] !== undefined) {
    yield* withContext(context$, streams[0]);
    return;
  }
  // An image some sources lack: those have no rows, as in a merged page.
  let found = 0;
  const tolerant = streams.map((stream) =>
    (async function* skipMissing() {
      try {
        yield* stream;
        found += 1;
      } catch (error) {
        if (!missing(error)) throw error;
      }
    })(),
  );
  yield* withContext(context$, mergeStreams(tolerant, listingOrder(spec, filters).compare));
  if (found === 0) throw Object.assign(new Error('No selected source has it.'), { name: 'ResourceNotFound' });
}

/** Runs each step of a stream in the request's context, so every upstream call's audit line names the request. */
async function* withContext(
  context: Parameters<typeof withRequestContext>[0],
  stream: AsyncGenerator<Row[]>,
): AsyncGenerator<Row[]> {
  try {
    for (;;) {
      const next = await withRequestContext(context, () => stream.next());
      if (next.done === true) return;
      yield next.value;
    }
  } finally {
    await stream.return(undefined);
  }
}
