import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

const MAX_THROTTLE_RETRIES = 6;
const MAX_SERVER_RETRIES = 2;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiError) || !error.retryable) return false;
  return failureCount < (error.status === 429 ? MAX_THROTTLE_RETRIES : MAX_SERVER_RETRIES);
}

/** Exponential backoff with jitter, never sooner than the server's Retry-After. */
export function retryDelay(attempt: number, error: unknown): number {
  const backoff = Math.min(8000, 500 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
  const floor = error instanceof ApiError ? (error.details.retryAfterMs ?? 0) : 0;
  return Math.max(backoff, floor);
}

let browserClient: QueryClient | undefined;

/** One client per browser tab, so cached listings survive navigation between pages; a new one per server render. */
export function getQueryClient(): QueryClient {
  if (typeof window === 'undefined') return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: shouldRetry, retryDelay },
    },
  });
}
