import 'server-only';

/**
 * Where one source stands in a merged listing: the token of the upstream page holding its next row and how many
 * rows of that page are consumed, and its last row so far; `done` once it has no more, `skipped` once it failed on
 * an earlier page.
 */
export type SourcePosition =
  | { t: string | null; s: number; last?: Brief }
  | { done: true }
  | { t: string | null; s: number; skipped: string; last?: Brief };

/** The members of a row its order looks at: enough to know a row listed again. */
export type Brief = Record<string, string | number>;

export interface SourcePageAnswer<Row> {
  items: Row[];
  nextToken: string | null;
}

export interface MergeSource<Row> {
  key: string;
  /** One upstream page at `token` (null: the first). */
  fetch: (token: string | null) => Promise<SourcePageAnswer<Row>>;
}

export type SourceResult =
  | { key: string; state: 'ok'; calls: number; missing?: { error: unknown } }
  | { key: string; state: 'failed'; calls: number; error: unknown }
  | { key: string; state: 'skipped'; calls: 0; code: string };

export interface MergeInput<Row> {
  sources: readonly MergeSource<Row>[];
  /** By source key; a source without a position starts at its first page. */
  positions: Readonly<Record<string, SourcePosition>>;
  size: number;
  /** The listing's order; ties must be broken (by ARN, for instance) so that it is total. */
  compare: (a: Row, b: Row) => number;
  /** The order by the sort key alone, ties equal: a source orders its ties its own way. */
  primary: (a: Row | Brief, b: Row | Brief) => number;
  /** A row's identity (its ARN) and its brief, kept in the position to drop rows a source lists again. */
  idOf: (row: Row | Brief) => string;
  brief: (row: Row) => Brief;
  /** How long a source may take to answer one page before the merge goes on without it. */
  waitMs: number;
  /** No new upstream page is asked for once this many have been, or this long has passed. */
  budget: { maxCalls: number; maxMs: number };
  /** Upstream pages asked for at once. */
  concurrency: number;
  /** An error that means "this source has none" (an image missing in one account): the source is done. */
  isEmpty?: (error: unknown) => boolean;
  /** The code a failure is remembered by in the cursor. */
  codeOf: (error: unknown) => string;
}

export interface MergeOutput<Row> {
  items: { row: Row; source: string }[];
  positions: Record<string, SourcePosition>;
  /** True while any source has rows left to list. */
  more: boolean;
  budgetExhausted: boolean;
  results: SourceResult[];
}

export class SourceTimeoutError extends Error {
  override readonly name = 'SourceTimeoutError';

  /** By name: Next bundles this module more than once, and an error may come from another bundle's class. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'SourceTimeoutError';
  }

  constructor(readonly waitedMs: number) {
    super(`The source did not answer within ${waitedMs} ms and was left out of this page.`);
  }
}

interface State<Row> {
  source: MergeSource<Row>;
  index: number;
  phase: 'active' | 'done' | 'failed' | 'skipped';
  /** Rows of the current page not yet emitted. */
  buffer: Row[];
  /** The token the current page was fetched with, and how many of its rows are consumed. */
  pageToken: string | null;
  consumed: number;
  /** The current page's NextToken; undefined before the first fetch. */
  next: string | null | undefined;
  calls: number;
  error?: unknown;
  skippedCode?: string;
  /** The source answered that it has none of what is listed (see `isEmpty`), with this error. */
  missing?: { error: unknown };
  /** Where the source stood when it last asked for a page: a failed source resumes from there. */
  resumeAt: { t: string | null; s: number };
  /** The source's last row in this listing so far. */
  last: Brief | undefined;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SourceTimeoutError(ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Runs the tasks with at most `limit` at once. */
async function bounded(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next];
      next += 1;
      await task?.();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

function stateOf<Row>(source: MergeSource<Row>, index: number, position: SourcePosition | undefined): State<Row> {
  const start = position ?? { t: null, s: 0 };
  const last = 'done' in start ? undefined : start.last;
  const base = { source, index, buffer: [] as Row[], consumed: 0, calls: 0, last };
  if ('done' in start) return { ...base, phase: 'done', pageToken: null, next: null, resumeAt: { t: null, s: 0 } };
  const resumeAt = { t: start.t, s: start.s };
  if ('skipped' in start) {
    return { ...base, phase: 'skipped', pageToken: start.t, next: undefined, skippedCode: start.skipped, resumeAt };
  }
  return { ...base, phase: 'active', pageToken: start.t, next: undefined, resumeAt };
}

/**
 * One page of the listing that merges several sources' listings in the listing's order. Each source is asked
 * for a page only when its next row is needed, so a whole listing costs each source its own pages plus at most
 * one; a source that fails or stays silent past `waitMs` is left out (its position kept, so asking the same page
 * again retries it) and later pages go on without it.
 */
export async function mergePage<Row>(input: MergeInput<Row>): Promise<MergeOutput<Row>> {
  const started = performance.now();
  const states = input.sources.map((source, index) => stateOf(source, index, input.positions[source.key]));
  let calls = 0;
  let budgetExhausted = false;

  const load = async (state: State<Row>, token: string | null, skip: number) => {
    calls += 1;
    state.calls += 1;
    state.resumeAt = { t: token, s: skip };
    try {
      const page = await withTimeout(state.source.fetch(token), input.waitMs);
      state.pageToken = token;
      state.consumed = Math.min(skip, page.items.length);
      state.buffer = page.items.slice(skip);
      state.next = page.nextToken;
    } catch (error) {
      if (input.isEmpty?.(error) === true) {
        state.phase = 'done';
        state.missing = { error };
        state.buffer = [];
        state.next = null;
        return;
      }
      state.phase = 'failed';
      state.error = error;
    }
  };

  await bounded(
    states
      .filter((state) => state.phase === 'active')
      .map((state) => () => load(state, state.resumeAt.t, state.resumeAt.s)),
    input.concurrency,
  );

  // A row at or before the source's last one is one it lists again (rows added ahead of an offset token).
  const listedAgain = (state: State<Row>, row: Row) =>
    state.last !== undefined && (input.primary(row, state.last) < 0 || input.idOf(row) === input.idOf(state.last));

  const items: MergeOutput<Row>['items'] = [];
  while (items.length < input.size) {
    for (const state of states) {
      while (state.phase === 'active' && state.buffer[0] !== undefined && listedAgain(state, state.buffer[0])) {
        state.buffer.shift();
        state.consumed += 1;
      }
      if (state.phase === 'active' && state.buffer.length === 0 && state.next === null) state.phase = 'done';
    }
    const empty = states.filter((state) => state.phase === 'active' && state.buffer.length === 0);
    if (empty.length > 0) {
      const spent = calls >= input.budget.maxCalls || performance.now() - started >= input.budget.maxMs;
      if (spent) {
        budgetExhausted = true;
        break;
      }
      await bounded(
        empty.map((state) => () => load(state, state.next ?? null, 0)),
        input.concurrency,
      );
      continue;
    }
    let best: State<Row> | undefined;
    for (const state of states) {
      const head = state.buffer[0];
      if (state.phase !== 'active' || head === undefined) continue;
      const bestHead = best?.buffer[0];
      if (best === undefined || bestHead === undefined || input.compare(head, bestHead) < 0) best = state;
    }
    if (best === undefined) break;
    const row = best.buffer.shift();
    if (row === undefined) break;
    best.consumed += 1;
    best.last = input.brief(row);
    items.push({ row, source: best.source.key });
  }

  const positions: Record<string, SourcePosition> = {};
  const results: SourceResult[] = [];
  let more = false;
  for (const state of states) {
    const { key } = state.source;
    if (state.phase === 'failed' || state.phase === 'skipped') {
      const code = state.phase === 'failed' ? input.codeOf(state.error) : (state.skippedCode ?? 'Error');
      positions[key] = { ...state.resumeAt, skipped: code, ...(state.last === undefined ? {} : { last: state.last }) };
      results.push(
        state.phase === 'failed'
          ? { key, state: 'failed', calls: state.calls, error: state.error }
          : { key, state: 'skipped', calls: 0, code },
      );
      continue;
    }
    results.push({
      key,
      state: 'ok',
      calls: state.calls,
      ...(state.missing === undefined ? {} : { missing: state.missing }),
    });
    if (state.phase === 'done' || (state.buffer.length === 0 && state.next === null)) {
      positions[key] = { done: true };
    } else {
      const at = state.buffer.length > 0 ? { t: state.pageToken, s: state.consumed } : { t: state.next ?? null, s: 0 };
      positions[key] = { ...at, ...(state.last === undefined ? {} : { last: state.last }) };
      more = true;
    }
  }
  return { items, positions, more, budgetExhausted, results };
}
