import 'server-only';
import { LRUCache } from 'lru-cache';
import type { AuthError, AuthFailureReason } from './identity';

export interface Clock {
  now(): number;
}

/** How long a failed key fetch is answered from memory: an unknown key id for minutes, an outage for seconds. */
const FAILURE_TTL_MS: Partial<Record<AuthFailureReason, number>> = { 'unknown-key': 300_000, unavailable: 10_000 };
const MINUTE_MS = 60_000;

/** Failed key fetches, remembered per URL so forged tokens cannot make every request fetch again. */
export class FailedFetches {
  private readonly failures: LRUCache<string, AuthError>;

  constructor(clock: Clock) {
    this.failures = new LRUCache<string, AuthError>({ max: 1024, ttl: MINUTE_MS, ttlResolution: 0, perf: clock });
  }

  recall(url: string): AuthError | undefined {
    return this.failures.get(url);
  }

  remember(url: string, error: AuthError): void {
    const ttl = FAILURE_TTL_MS[error.reason];
    if (ttl !== undefined) this.failures.set(url, error, { ttl });
  }
}

/** At most `perMinute` fetches in any sliding minute. */
export class FetchBudget {
  private readonly recent: number[] = [];

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
  ) {}

  take(): boolean {
    const now = this.clock.now();
    while (this.recent.length > 0 && (this.recent[0] ?? 0) <= now - MINUTE_MS) this.recent.shift();
    if (this.recent.length >= this.perMinute) return false;
    this.recent.push(now);
    return true;
  }
}
