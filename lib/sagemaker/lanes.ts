import 'server-only';

/** A call that waited its whole allowance for a free slot. */
export class LaneFullError extends Error {
  override readonly name = 'LaneFullError';

  /** By name: Next bundles this module more than once, and an error may come from another bundle's class. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'LaneFullError';
  }

  constructor(readonly waitedMs: number) {
    super(`every slot of the lane stayed busy for ${waitedMs} ms`);
  }
}

interface Waiter {
  start: () => void;
  fail: (error: unknown) => void;
}

interface Lane {
  active: number;
  waiting: Waiter[];
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? Object.assign(new Error('The call was aborted.'), { name: 'AbortError' });
}

/**
 * Separate lanes of bounded concurrency, one per key (a source and an operation): calls in one lane wait for
 * each other in order, never for another lane. A waiting call leaves when its signal aborts, or fails after
 * `maxWaitMs`.
 */
export class Lanes {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly limit: number,
    private readonly maxWaitMs: number,
  ) {}

  async run<T>(key: string, signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
    await this.acquire(key, signal);
    try {
      return await call();
    } finally {
      this.release(key);
    }
  }

  /** Calls running and waiting per lane, for metrics and tests. */
  load(): Record<string, { active: number; waiting: number }> {
    return Object.fromEntries(
      [...this.lanes].map(([key, lane]) => [key, { active: lane.active, waiting: lane.waiting.length }]),
    );
  }

  private acquire(key: string, signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const lane = this.lanes.get(key) ?? { active: 0, waiting: [] };
    this.lanes.set(key, lane);
    if (lane.active < this.limit) {
      lane.active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        lane.waiting = lane.waiting.filter((candidate) => candidate !== waiter);
      };
      const waiter: Waiter = {
        start: () => {
          leave();
          resolve();
        },
        fail: (error) => {
          leave();
          reject(error);
        },
      };
      const onAbort = () => waiter.fail(signal === undefined ? undefined : abortReason(signal));
      const timer = setTimeout(() => waiter.fail(new LaneFullError(this.maxWaitMs)), this.maxWaitMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      lane.waiting.push(waiter);
    });
  }

  private release(key: string): void {
    const lane = this.lanes.get(key);
    if (lane === undefined) return;
    const next = lane.waiting[0];
    if (next !== undefined) {
      next.start();
      return;
    }
    lane.active -= 1;
    if (lane.active === 0) this.lanes.delete(key);
  }
}
