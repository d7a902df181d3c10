import 'server-only';
import { API_DEFAULT_PAGE_SIZE, type PageRequest, type UpstreamPage } from '@/lib/sagemaker/list-operation';

export interface FollowBudget {
  maxCalls: number;
  maxMs: number;
}

export interface CollectedPage<Row> {
  items: Row[];
  nextToken: string | null;
  /** Stopped with a NextToken still pending: on the budget, or on an error after progress was made. */
  budgetExhausted: boolean;
  calls: number;
  upstreamRequestIds: string[];
  /** The error that cut the page short, if any; such pages are not cached. */
  interruptedBy?: unknown;
}

interface FollowInput<Query, Path> {
  query: Query & { MaxResults?: number; NextToken?: string };
  path: Path;
  signal?: AbortSignal;
}

/**
 * Upstream pages can be short or empty and still carry a NextToken (filters apply per scanned window).
 * Follow them, asking only for the rows still missing, until the page is full, the listing ends or the budget runs out.
 */
export async function collectPage<Query, Path, Row>(
  fetchPage: (request: PageRequest<Query, Path>) => Promise<UpstreamPage<Row>>,
  { query, path, signal }: FollowInput<Query, Path>,
  budget: FollowBudget,
): Promise<CollectedPage<Row>> {
  const { MaxResults, NextToken, ...filters } = query;
  const target = MaxResults ?? API_DEFAULT_PAGE_SIZE;
  const started = performance.now();
  const page: CollectedPage<Row> = {
    items: [],
    nextToken: NextToken ?? null,
    budgetExhausted: false,
    calls: 0,
    upstreamRequestIds: [],
  };

  for (;;) {
    const pending = page.nextToken ?? undefined;
    try {
      const upstream = await fetchPage({
        query: filters,
        path,
        maxResults: target - page.items.length,
        nextToken: pending,
        signal,
      });
      page.calls += 1;
      page.items.push(...upstream.items);
      page.nextToken = upstream.nextToken ?? null;
      if (upstream.requestId !== undefined) page.upstreamRequestIds.push(upstream.requestId);
    } catch (error) {
      if (page.calls === 0 || signal?.aborted) throw error;
      return { ...page, budgetExhausted: true, interruptedBy: error };
    }
    if (page.nextToken === null || page.items.length >= target) return page;
    if (page.calls >= budget.maxCalls || performance.now() - started >= budget.maxMs) {
      return { ...page, budgetExhausted: true };
    }
  }
}
