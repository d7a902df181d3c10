import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { OFFLINE, type SharedStore } from './store';

/** A lock outlives a replica that died holding it by at most this; its holder renews it every third of it. */
export const LOCK_TTL_MS = 3_000;
/** How long the answer of a call stays readable by the replicas that waited for it. */
const RESULT_TTL_MS = 10_000;
/** Past this, a replica waiting on another's call stops waiting and calls itself. */
const MAX_WAIT_MS = 60_000;
const FIRST_POLL_MS = 5;
const MAX_POLL_MS = 50;
/** Lock holders that go away without an answer (aborted, failed) before a waiter stops taking turns. */
const MAX_TURNS = 5;

export interface Loaded {
  value: string;
  cacheable: boolean;
}

export interface FleetAnswer {
  value: string;
  /** Where it came from: the fleet's cache, another replica's call, or this replica's own `load`. */
  from: 'cache' | 'flight' | 'load';
  /** For an answer from the fleet's cache: how long it stays fresh there. */
  ttlLeftMs?: number;
}

interface Options {
  fresh: boolean;
  ttlMs: number;
  signal: AbortSignal;
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await sleep(ms, undefined, { signal });
}

/** Loads while holding the fleet's lock; keeps a successful answer for the waiters (and the cache). */
async function loadHolding(
  store: SharedStore,
  keys: { lock: string; cache: string },
  flight: string,
  { ttlMs, signal }: Options,
  load: (signal: AbortSignal) => Promise<Loaded>,
): Promise<FleetAnswer> {
  const result = store.key('result', flight);
  const renew = setInterval(() => {
    void store.run('renew', (redis) => redis.renew(keys.lock, flight, LOCK_TTL_MS));
  }, LOCK_TTL_MS / 3);
  renew.unref();
  let loaded: Loaded | undefined;
  try {
    loaded = await load(signal);
    return { value: loaded.value, from: 'load' };
  } finally {
    clearInterval(renew);
    // Failures are never kept: a replica waiting on one calls itself, so no replica's refusal (its lanes full,
    // its call aborted) is another's. A cached answer is where the waiters find it once the lock is free; any
    // other is left for them apart.
    const cachedMs = loaded?.cacheable ? ttlMs : 0;
    const body = loaded?.value ?? '';
    const left = loaded !== undefined && cachedMs === 0 ? loaded.value : '';
    await store.run('finish', (redis) =>
      redis.finish(keys.lock, keys.cache, result, flight, body, cachedMs, left, RESULT_TTL_MS),
    );
  }
}

type Waited = { answer: FleetAnswer } | { turn: true } | typeof OFFLINE;

/** Waits for the holder's answer; a turn when it leaves without one, OFFLINE when the store stops answering. */
async function waitFor(
  store: SharedStore,
  keys: { lock: string; cache: string },
  holder: string,
  signal: AbortSignal,
  deadline: number,
): Promise<Waited> {
  const result = store.key('result', holder);
  let interval = FIRST_POLL_MS;
  while (performance.now() < deadline) {
    await pause(interval, signal);
    interval = Math.min(MAX_POLL_MS, interval * 2);
    const seen = await store.run('wait', (redis) => redis.poll(result, keys.lock, keys.cache, holder));
    // One late look is no reason to call upstream too; a store gone or late again is.
    if (seen === OFFLINE) {
      if (store.state() === 'shared') continue;
      return OFFLINE;
    }
    const [value, current] = seen;
    if (typeof value === 'string') return { answer: { value, from: 'flight' } };
    if (current !== holder) return { turn: true };
  }
  return OFFLINE;
}

/** A flight's name as `uniqueId` makes it; anything else in a lock is not one of ours. */
const FLIGHT = /^[\w-]{8}\.[0-9a-z]{1,12}$/;

/**
 * One answer under `key` for the whole fleet: the fleet's cache when fresh, the call another replica is making
 * for the same key, or `load` while holding the key's lock, whose answer the others then get. Every step that the
 * store cannot serve falls back to `load`: the store is never why a request fails.
 */
export async function throughFleet(
  store: SharedStore | undefined,
  key: string,
  options: Options,
  load: (signal: AbortSignal) => Promise<Loaded>,
): Promise<FleetAnswer> {
  if (store === undefined) return { value: (await load(options.signal)).value, from: 'load' };
  const keys = { lock: store.hashedKey('lock', key), cache: store.hashedKey('cache', key) };
  const flight = store.uniqueId();
  const deadline = performance.now() + MAX_WAIT_MS;
  const claim = () =>
    store.run('claim', (redis) => redis.claim(keys.cache, keys.lock, flight, LOCK_TTL_MS, options.fresh));
  for (let turn = 0; turn < MAX_TURNS; turn += 1) {
    let claimed = await claim();
    // One late answer is no reason to call upstream too: the flight asks once more, and finds the lock its own
    // if the late claim took it. A store gone, or late again, is.
    if (claimed === OFFLINE && store.state() === 'shared') claimed = await claim();
    if (claimed === OFFLINE) break;
    const [kind, value, ttlLeftMs] = claimed;
    if (kind === 'cache' && typeof value === 'string') {
      return { value, from: 'cache', ...(typeof ttlLeftMs === 'number' && ttlLeftMs > 0 ? { ttlLeftMs } : {}) };
    }
    if (kind === 'own') return loadHolding(store, keys, flight, options, load);
    if (kind !== 'held' || typeof value !== 'string' || !FLIGHT.test(value)) break;
    const waited = await waitFor(store, keys, value, options.signal, deadline);
    if (waited === OFFLINE) break;
    if ('answer' in waited) return waited.answer;
  }
  return { value: (await load(options.signal)).value, from: 'load' };
}
