import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetLoggerForTests } from '@/lib/observability/logger';
import { reserveStart } from './budget';
import { LOCK_TTL_MS, throughFleet } from './flight';
import { OFFLINE, SharedStore } from './store';
import { TestRedis } from './test-support/redis-server';

let redis: TestRedis;
const stores: SharedStore[] = [];

beforeAll(async () => {
  vi.stubEnv('PROXY_LOG_LEVEL', 'silent');
  resetLoggerForTests();
  redis = await TestRedis.start();
});

afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await redis.kill();
  vi.unstubAllEnvs();
});

let prefix = 0;
beforeEach(() => {
  prefix += 1;
});

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(20);
  }
}

/** A replica's connection to the store, under this test's own prefix. */
async function replica(): Promise<SharedStore> {
  const store = new SharedStore(redis.url, `test${prefix}`, 250);
  stores.push(store);
  await until(() => store.state() === 'shared', 'the store is connected');
  return store;
}

/** A load that counts its calls and answers after `ms`. */
function counted(ms = 50) {
  const calls = { count: 0 };
  const load = async (signal: AbortSignal) => {
    calls.count += 1;
    await sleep(ms, undefined, { signal });
    return { value: `answer ${calls.count}`, cacheable: true };
  };
  return { calls, load };
}

const options = (signal = new AbortController().signal) => ({ fresh: false, ttlMs: 5_000, signal });

describe('one answer for the fleet (throughFleet)', () => {
  it('makes one call for identical requests spread over two replicas, and every one gets its answer', async () => {
    const [a, b] = [await replica(), await replica()];
    const { calls, load } = counted(100);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, index) => throughFleet(index % 2 ? a : b, 'key', options(), load)),
    );
    expect(calls.count).toBe(1);
    expect(new Set(answers.map((answer) => answer.value))).toEqual(new Set(['answer 1']));
    expect(answers.filter((answer) => answer.from === 'load')).toHaveLength(1);
    expect(answers.filter((answer) => answer.from === 'flight').length).toBeGreaterThan(0);
  });

  it('makes one call even when the first ends just as the other replica asks', async () => {
    const [a, b] = [await replica(), await replica()];
    const { calls, load } = counted(0);
    for (let round = 0; round < 30; round += 1) {
      await Promise.all([
        throughFleet(a, `race${round}`, options(), load),
        throughFleet(b, `race${round}`, options(), load),
      ]);
    }
    expect(calls.count).toBe(30);
  });

  it('serves a later request on another replica from the shared cache, with the time it has left', async () => {
    const [a, b] = [await replica(), await replica()];
    const { calls, load } = counted(5);
    await throughFleet(a, 'key', options(), load);
    const later = await throughFleet(b, 'key', options(), load);
    expect(calls.count).toBe(1);
    expect(later.from).toBe('cache');
    expect(later.ttlLeftMs).toBeGreaterThan(4_000);
    expect(later.ttlLeftMs).toBeLessThanOrEqual(5_000);
  });

  it('asks again when fresh, and does not cache what is not cacheable', async () => {
    const a = await replica();
    const { calls, load } = counted(5);
    await throughFleet(a, 'key', options(), load);
    expect((await throughFleet(a, 'key', { ...options(), fresh: true }, load)).from).toBe('load');
    const uncacheable = async () => ({ value: 'partial', cacheable: false });
    await throughFleet(a, 'other', options(), uncacheable);
    expect((await throughFleet(a, 'other', options(), load)).from).toBe('load');
    expect(calls.count).toBe(3);
  });

  it('does not share a failure: a replica that waited on it calls itself', async () => {
    const [a, b] = [await replica(), await replica()];
    let calls = 0;
    const failing = async () => {
      calls += 1;
      await sleep(80);
      throw new Error('upstream refused');
    };
    const first = throughFleet(a, 'key', options(), failing).then(
      () => 'answered',
      (error: unknown) => (error instanceof Error ? error.message : 'failed'),
    );
    await sleep(20);
    const { calls: secondCalls, load } = counted(5);
    const second = await throughFleet(b, 'key', options(), load);
    expect(await first).toBe('upstream refused');
    expect(calls).toBe(1);
    expect(secondCalls.count).toBe(1);
    expect(second.from).toBe('load');
  });

  it('takes over from a replica that died holding the lock once the lock expires', async () => {
    const b = await replica();
    const holder = new SharedStore(redis.url, `test${prefix}`, 250);
    stores.push(holder);
    await until(() => holder.state() === 'shared', 'the holder is connected');
    const hanging = new AbortController();
    void throughFleet(holder, 'key', options(hanging.signal), () => new Promise(() => undefined)).catch(
      () => undefined,
    );
    await sleep(50);
    // The holder's process dies: its connection goes, and nobody renews its lock.
    await holder.close();
    const started = performance.now();
    const { calls, load } = counted(5);
    const answer = await throughFleet(b, 'key', options(), load);
    const waited = performance.now() - started;
    expect(answer.from).toBe('load');
    expect(calls.count).toBe(1);
    expect(waited).toBeLessThan(LOCK_TTL_MS + 1_000);
  });

  it('lets the next replica call when the holder stops because its own clients left', async () => {
    const [a, b] = [await replica(), await replica()];
    const leaving = new AbortController();
    const abandoned = throughFleet(a, 'key', options(leaving.signal), (signal) =>
      sleep(5_000, { value: 'never', cacheable: true }, { signal }),
    ).then(
      () => 'answered',
      () => 'aborted',
    );
    await sleep(30);
    const { calls, load } = counted(5);
    const waiting = throughFleet(b, 'key', options(), load);
    await sleep(30);
    leaving.abort();
    expect(await abandoned).toBe('aborted');
    const answer = await waiting;
    expect(answer).toEqual({ value: 'answer 1', from: 'load' });
    expect(calls.count).toBe(1);
  });
});

describe('the fleet without its store', () => {
  it('loads locally while Redis is down, and shares again once it is back', async () => {
    const [a, b] = [await replica(), await replica()];
    await redis.kill();
    await until(() => a.state() === 'unavailable' && b.state() === 'unavailable', 'both see the store gone');
    const { calls, load } = counted(5);
    const down = await Promise.all([throughFleet(a, 'key', options(), load), throughFleet(b, 'key', options(), load)]);
    expect(down.map((answer) => answer.from)).toEqual(['load', 'load']);
    expect(calls.count).toBe(2);
    expect(await reserveStart(a, 'budget', { limit: 1, windowMs: 1_000, maxWaitMs: 0 })).toBe(OFFLINE);

    await redis.restart();
    await until(() => a.state() === 'shared' && b.state() === 'shared', 'both reconnect');
    const shared = counted(60);
    const up = await Promise.all([
      throughFleet(a, 'again', options(), shared.load),
      throughFleet(b, 'again', options(), shared.load),
    ]);
    expect(shared.calls.count).toBe(1);
    expect(up.map((answer) => answer.value)).toEqual(['answer 1', 'answer 1']);
  });
});

describe('the fleet with a store that stops answering', () => {
  it('goes on locally within the timeout while Redis hangs, and shares again once it answers', async () => {
    const [a, b] = [await replica(), await replica()];
    redis.pause();
    try {
      const { calls, load } = counted(5);
      const started = performance.now();
      const answers = await Promise.all([
        throughFleet(a, 'hung', options(), load),
        throughFleet(b, 'hung', options(), load),
      ]);
      // Two timeouts at most: the claim, and asking once more.
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(answers.map((answer) => answer.from)).toEqual(['load', 'load']);
      expect(calls.count).toBe(2);
      // The claim was late, and so was asking again: the store is left alone for a while.
      expect(a.state()).toBe('unavailable');
      expect((await throughFleet(a, 'hung-again', options(), load)).from).toBe('load');
      // Late again and again: the connection is taken for dead and opened anew, which waits for the server.
      for (let attempt = 0; attempt < 4; attempt += 1) {
        await sleep(1_050);
        await throughFleet(a, `hung${attempt}`, options(), load);
      }
    } finally {
      redis.resume();
    }
    await until(() => a.state() === 'shared' && b.state() === 'shared', 'both answer again');
    const shared = counted(60);
    await Promise.all([
      throughFleet(a, 'after', options(), shared.load),
      throughFleet(b, 'after', options(), shared.load),
    ]);
    expect(shared.calls.count).toBe(1);
  });
});

describe('a claim answered late', () => {
  /** Redis stops while `store` runs `during`, until the store's first command there comes back late. */
  async function briefStall<T>(store: SharedStore, during: () => Promise<T>): Promise<T> {
    const run = store.run.bind(store);
    store.run = (async (operation: string, command: Parameters<typeof run>[1]) => {
      const answer = await run(operation, command);
      if (answer === OFFLINE) redis.resume();
      return answer;
    }) as typeof store.run;
    redis.pause();
    try {
      return await during();
    } finally {
      redis.resume();
      store.run = run;
    }
  }

  it('asks again instead of calling too, and waits for the replica that holds the lock', async () => {
    const [a, b] = [await replica(), await replica()];
    const { calls, load } = counted(1_500);
    const first = throughFleet(a, 'stalled', options(), load);
    await until(() => calls.count === 1, 'the first replica calls');
    const second = await briefStall(b, () => throughFleet(b, 'stalled', options(), load));
    expect(second).toEqual({ value: 'answer 1', from: 'flight' });
    expect((await first).from).toBe('load');
    expect(calls.count).toBe(1);
    expect(b.state()).toBe('shared');
  });

  it('finds the lock its own when the late claim took it, so the other replica waits for it', async () => {
    const [a, b] = [await replica(), await replica()];
    const { calls, load } = counted(300);
    const first = briefStall(b, () => throughFleet(b, 'taken-late', options(), load));
    await until(() => calls.count === 1, 'the stalled replica calls');
    const second = await throughFleet(a, 'taken-late', options(), load);
    expect((await first).from).toBe('load');
    expect(second).toEqual({ value: 'answer 1', from: 'flight' });
    expect(calls.count).toBe(1);
  });
});

describe("the fleet's rate budget (reserveStart)", () => {
  it('keeps counting both replicas when Redis comes back empty and one of them beats first', async () => {
    const [a, b] = [await replica(), await replica()];
    await until(() => a.fleetSize() === 2 && b.fleetSize() === 2, 'both replicas are seen');
    await redis.kill();
    await redis.restart();
    await until(() => a.state() === 'shared' && b.state() === 'shared', 'both are back');
    // Each beats on reconnecting and every 2 s: the first beat into the empty store counts one replica.
    const seen = new Set<number>();
    for (const end = Date.now() + 2_500; Date.now() < end; await sleep(20)) {
      seen.add(a.fleetSize());
      seen.add(b.fleetSize());
    }
    expect([...seen]).toEqual([2]);
  });

  it('never reserves more than the limit in any window across replicas, and refuses past the allowance', async () => {
    const [a, b] = [await replica(), await replica()];
    const limit = 5;
    const windowMs = 200;
    const reservations = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        reserveStart(index % 2 ? a : b, 'source', { limit, windowMs, maxWaitMs: 1_000 }),
      ),
    );
    const granted = reservations.filter((reservation) => reservation !== OFFLINE && reservation.granted);
    const refused = reservations.filter((reservation) => reservation !== OFFLINE && !reservation.granted);
    expect(granted.length + refused.length).toBe(40);
    // Within a second's allowance of 200 ms windows: the first window's 5 now, then 5 per window after it.
    expect(granted.length).toBeGreaterThanOrEqual(25);
    expect(granted.length).toBeLessThanOrEqual(30);
    for (const reservation of refused) expect(reservation !== OFFLINE && reservation.waitMs).toBeGreaterThan(1_000);

    const starts = await a.run('read', (redis) =>
      redis.zRangeWithScores(a.key('budget', 'source'), 0, -1).then((entries) => entries.map((entry) => entry.score)),
    );
    if (starts === OFFLINE) throw new Error('the store went away');
    expect(starts).toHaveLength(granted.length);
    for (const start of starts) {
      expect(starts.filter((at) => at >= start && at < start + windowMs).length).toBeLessThanOrEqual(limit);
    }
  });

  it('gives a start at once while the window has room, counting the fleet', async () => {
    const [a, b] = [await replica(), await replica()];
    const first = await reserveStart(a, 'room', { limit: 3, windowMs: 1_000, maxWaitMs: 0 });
    const second = await reserveStart(b, 'room', { limit: 3, windowMs: 1_000, maxWaitMs: 0 });
    expect(first).toMatchObject({ granted: true, waitMs: 0, inWindow: 1 });
    expect(second).toMatchObject({ granted: true, waitMs: 0, inWindow: 2 });
    await reserveStart(a, 'room', { limit: 3, windowMs: 1_000, maxWaitMs: 0 });
    const fourth = await reserveStart(b, 'room', { limit: 3, windowMs: 1_000, maxWaitMs: 0 });
    expect(fourth !== OFFLINE && fourth.granted).toBe(false);
    // A start given back is free again at once.
    if (first === OFFLINE) throw new Error('the store went away');
    await first.release();
    expect(await reserveStart(b, 'room', { limit: 3, windowMs: 1_000, maxWaitMs: 0 })).toMatchObject({ granted: true });
  });
});
