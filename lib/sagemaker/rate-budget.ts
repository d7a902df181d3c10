import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A second, and room for the jitter between a call's start here and its arrival upstream (the network, a busy
 * event loop, a new connection): calls spaced by it at the sender stay more than a second apart upstream.
 */
export const WINDOW_MS = 1_500;

/** A call that would have waited longer than its allowance for the budget. */
export class BudgetExceededError extends Error {
  override readonly name = 'UpstreamBudgetExceeded';

  /** By name: Next bundles this module more than once, and an error may come from another bundle's class. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'UpstreamBudgetExceeded';
  }

  constructor(
    readonly key: string,
    readonly perSecond: number,
    readonly retryAfterMs: number,
  ) {
    super(`the budget of ${perSecond} calls per second is spent for the next ${Math.ceil(retryAfterMs)} ms`);
  }
}

export interface BudgetClock {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const REAL_CLOCK: BudgetClock = {
  now: () => performance.now(),
  sleep: async (ms, signal) => {
    await sleep(ms, undefined, signal === undefined ? undefined : { signal });
  },
};

interface Waiter {
  go: () => void;
  fail: (error: unknown) => void;
}

interface Bucket {
  /** When the calls of the last second started, ascending. */
  started: number[];
  waiting: Waiter[];
  pumping: boolean;
}

/**
 * At most `perSecond` calls per key in any one-second window: a token bucket whose tokens each come back 1.5 s
 * after the call that spent them started, so no burst goes past the budget. Calls go in the order they
 * asked; one whose turn is likely more than `maxWaitMs` away is refused at once, naming when to come back.
 */
export class RateBudget {
  private readonly buckets = new Map<string, Bucket>();
  private waits = 0;
  private refusals = 0;

  constructor(
    readonly perSecond: number,
    private readonly maxWaitMs: number,
    private readonly clock: BudgetClock = REAL_CLOCK,
  ) {}

  /** Resolves once the call may start: `given` at once, or `waited` for its turn. */
  take(key: string, signal?: AbortSignal): Promise<'given' | 'waited'> {
    const bucket = this.bucket(key);
    const now = this.clock.now();
    this.prune(bucket, now);
    if (bucket.waiting.length === 0 && bucket.started.length < this.perSecond) {
      bucket.started.push(now);
      return Promise.resolve('given');
    }
    const wait = this.expectedWait(bucket, now);
    if (wait > this.maxWaitMs) {
      this.refusals += 1;
      return Promise.reject(new BudgetExceededError(key, this.perSecond, wait));
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.waits += 1;
    return new Promise<'waited'>((resolve, reject) => {
      const waiter: Waiter = {
        go: () => {
          signal?.removeEventListener('abort', leave);
          resolve('waited');
        },
        fail: reject,
      };
      const leave = () => {
        bucket.waiting = bucket.waiting.filter((candidate) => candidate !== waiter);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', leave, { once: true });
      bucket.waiting.push(waiter);
      this.pump(bucket);
    });
  }

  /** The calls of `key` started in the last second. */
  startedIn(key: string): number {
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return 0;
    this.prune(bucket, this.clock.now());
    return bucket.started.length;
  }

  /** Calls that waited for their turn, and calls refused, since the budget was made. */
  counts(): { waits: number; refusals: number } {
    return { waits: this.waits, refusals: this.refusals };
  }

  private bucket(key: string): Bucket {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = { started: [], waiting: [], pumping: false };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private prune(bucket: Bucket, now: number): void {
    while (bucket.started.length > 0 && (bucket.started[0] ?? 0) <= now - WINDOW_MS) bucket.started.shift();
  }

  /** When the waiter joining now would go, by the tokens still out and the waiters ahead of it. */
  private expectedWait(bucket: Bucket, now: number): number {
    const ahead = bucket.waiting.length + bucket.started.length - this.perSecond;
    if (ahead < 0) return 0;
    const windows = Math.floor(ahead / this.perSecond);
    const back = bucket.started[ahead % this.perSecond] ?? now;
    return windows * WINDOW_MS + Math.max(0, back + WINDOW_MS - now);
  }

  /** Lets waiters go, first come first, as tokens come back; sleeps until the next one does. */
  private pump(bucket: Bucket): void {
    if (bucket.pumping) return;
    bucket.pumping = true;
    const run = async () => {
      while (bucket.waiting.length > 0) {
        const now = this.clock.now();
        this.prune(bucket, now);
        if (bucket.started.length < this.perSecond) {
          bucket.started.push(now);
          bucket.waiting.shift()?.go();
          continue;
        }
        await this.clock.sleep((bucket.started[0] ?? now) + WINDOW_MS - now);
      }
    };
    void run()
      .catch((error: unknown) => {
        for (const waiter of bucket.waiting.splice(0)) waiter.fail(error);
      })
      .finally(() => {
        bucket.pumping = false;
      });
  }
}
