import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BudgetExceededError, RateBudget, WINDOW_MS, type BudgetClock } from './rate-budget';

/** A clock that moves only when told, and whose sleepers wake in order as it passes their moment. */
function manualClock() {
  let now = 0;
  const sleepers: { at: number; wake: () => void }[] = [];
  const clock: BudgetClock = {
    now: () => now,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        sleepers.push({ at: now + ms, wake: resolve });
      }),
  };
  // Lets the callbacks of calls already given run before the clock moves on.
  const settle = async () => {
    for (let tick = 0; tick < 10; tick += 1) await Promise.resolve();
  };
  const advance = async (ms: number) => {
    await settle();
    now += ms;
    for (const sleeper of sleepers.filter((candidate) => candidate.at <= now)) sleeper.wake();
    await settle();
  };
  return { clock, advance, time: () => now };
}

describe('RateBudget', () => {
  it('gives the budget at once, then waits for tokens to come back a second after they were spent', async () => {
    const { clock, advance, time } = manualClock();
    const budget = new RateBudget(3, 5_000, clock);
    const started: number[] = [];
    const calls = Array.from({ length: 7 }, () => budget.take('a').then(() => started.push(time())));
    await advance(0);
    expect(started).toEqual([0, 0, 0]);
    await advance(WINDOW_MS);
    expect(started).toEqual([0, 0, 0, WINDOW_MS, WINDOW_MS, WINDOW_MS]);
    await advance(WINDOW_MS);
    await Promise.all(calls);
    expect(started.at(-1)).toBe(2 * WINDOW_MS);
    expect(budget.counts().waits).toBe(4);
  });

  it('refuses a call whose turn is further away than the allowance, naming when to come back', async () => {
    const { clock } = manualClock();
    const budget = new RateBudget(2, 1_500, clock);
    void budget.take('a');
    void budget.take('a');
    void budget.take('a');
    void budget.take('a');
    const refused = await budget.take('a').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BudgetExceededError);
    expect((refused as BudgetExceededError).retryAfterMs).toBe(2 * WINDOW_MS);
    expect(budget.counts().refusals).toBe(1);
  });

  it('keeps keys apart: one account and region never spends another one', async () => {
    const { clock } = manualClock();
    const budget = new RateBudget(1, 0, clock);
    await budget.take('prod|us-east-1');
    await budget.take('staging|us-east-1');
    await expect(budget.take('prod|us-east-1')).rejects.toBeInstanceOf(BudgetExceededError);
  });

  it('never lets more than the budget start in any one-second window, however the calls arrive', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 40 }),
        async (perSecond, gaps) => {
          const { clock, advance, time } = manualClock();
          const budget = new RateBudget(perSecond, 3_000, clock);
          const starts: number[] = [];
          const calls: Promise<unknown>[] = [];
          for (const gap of gaps) {
            await advance(gap);
            calls.push(
              budget.take('k').then(
                () => starts.push(time()),
                () => undefined,
              ),
            );
          }
          for (let step = 0; step < 40; step += 1) await advance(100);
          await Promise.all(calls);
          for (const start of starts) {
            expect(starts.filter((other) => other >= start && other < start + 1_000).length).toBeLessThanOrEqual(
              perSecond,
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
