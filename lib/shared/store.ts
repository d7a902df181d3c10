import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { createClient, defineScript, type CommandParser } from '@redis/client';
import { serverEnv } from '@/lib/config/env';
import { processWide } from '@/lib/config/process-wide';
import { proxyLogger } from '@/lib/observability/logger';
import { recordSharedState } from '@/lib/observability/metrics';

/** What a command run against the shared store gives when Redis cannot answer: the caller goes on locally. */
export const OFFLINE: unique symbol = Symbol('shared store offline');
export type Offline = typeof OFFLINE;

/** After a command fails or times out, the store is left alone this long, so requests do not each pay the timeout. */
const BACK_OFF_MS = 1_000;
/** Late answers in a row before the store is left alone for a while. */
const PAUSE_AFTER_LATE = 2;
/** Commands late in a row before the connection is taken for dead (half open after a failover) and made anew. */
const LATE_IN_A_ROW = 4;

class LateAnswer extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}
/** How often a replica says it is alive, and how long that counts. */
const HEARTBEAT_MS = 2_000;
const ALIVE_MS = 3 * HEARTBEAT_MS;
/** The layout of keys and values; another layout gets other keys, so builds rolling over do not read each other's. */
const LAYOUT = 'v1';
const CONNECT_TIMEOUT_MS = 2_000;

function keyed(parser: CommandParser, keys: readonly string[], args: readonly (string | number)[]): void {
  for (const key of keys) parser.pushKey(key);
  for (const arg of args) parser.push(String(arg));
}

/**
 * Reserves the next start time one caller may use under a limit of `limit` starts in any `window` ms, by the
 * store's own clock (replicas' clocks differ): starts are kept sorted in one set, and the new one goes no earlier
 * than `window` after the start `limit` places back, so no window ever holds more. A reservation further than
 * `maxWait` away is refused and not kept. Replies {granted 0|1, wait ms, starts in the window}.
 */
const RESERVE = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local max_wait = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local at = now
if count >= limit then
  local back = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
  at = math.max(now, tonumber(back[2]) + window)
end
local wait = at - now
if wait > max_wait then return {0, wait, count} end
redis.call('ZADD', KEYS[1], at, ARGV[4])
redis.call('PEXPIRE', KEYS[1], wait + 2 * window)
return {1, wait, count + 1}`,
  parseCommand(parser: CommandParser, key: string, limit: number, windowMs: number, maxWaitMs: number, id: string) {
    keyed(parser, [key], [limit, windowMs, maxWaitMs, id]);
  },
  transformReply: (reply: unknown): number[] =>
    Array.isArray(reply) && reply.length === 3 && reply.every(Number.isInteger) ? (reply as number[]) : [],
});

/**
 * Ends a flight: keeps the answer (for `ttl` ms when cacheable; only where none is kept when the flight no longer
 * holds the lock, so a late holder does not replace a newer answer), leaves the result for the waiters, and
 * frees the lock.
 */
const FINISH = defineScript({
  NUMBER_OF_KEYS: 3,
  SCRIPT: `
local holding = redis.call('GET', KEYS[1]) == ARGV[1]
if tonumber(ARGV[3]) > 0 then
  if holding then redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
  else redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3], 'NX') end
end
if ARGV[4] ~= '' then redis.call('SET', KEYS[3], ARGV[4], 'PX', ARGV[5]) end
if holding then redis.call('DEL', KEYS[1]) end
return 1`,
  parseCommand(
    parser: CommandParser,
    lock: string,
    cache: string,
    result: string,
    flight: string,
    body: string,
    ttlMs: number,
    outcome: string,
    resultTtlMs: number,
  ) {
    keyed(parser, [lock, cache, result], [flight, body, ttlMs, outcome, resultTtlMs]);
  },
  transformReply: (reply: unknown) => reply,
});

/**
 * In one step, so no call can end between the two: the cached answer (unless fresh) with the time it has left,
 * else the lock, taken for this flight or named by the flight that holds it. A flight that asks again (its first
 * answer came late) finds the lock its own. Replies {'cache', value, ms left}, {'own'} or {'held', holder}.
 */
const CLAIM = defineScript({
  NUMBER_OF_KEYS: 2,
  SCRIPT: `
if ARGV[3] ~= '1' then
  local value = redis.call('GET', KEYS[1])
  if value then return {'cache', value, redis.call('PTTL', KEYS[1])} end
end
local holder = redis.call('GET', KEYS[2])
if holder == ARGV[1] then return {'own'} end
if holder then return {'held', holder} end
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
return {'own'}`,
  parseCommand(parser: CommandParser, cache: string, lock: string, flight: string, lockTtlMs: number, fresh: boolean) {
    keyed(parser, [cache, lock], [flight, lockTtlMs, fresh ? 1 : 0]);
  },
  transformReply: (reply: unknown): unknown[] => (Array.isArray(reply) ? reply : []),
});

/** Says this replica is alive and counts the replicas that said so within `ARGV[2]` ms, by the store's clock. */
const HEARTBEAT = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[1], 2 * tonumber(ARGV[2]))
return redis.call('ZCARD', KEYS[1])`,
  parseCommand(parser: CommandParser, replicas: string, replica: string, aliveMs: number) {
    keyed(parser, [replicas], [replica, aliveMs]);
  },
  transformReply: (reply: unknown) => (typeof reply === 'number' ? reply : 0),
});

/**
 * What a waiter looks for: the holder's answer, left for the waiters or, once the holder let go of the lock,
 * cached. Replies {answer|false, who holds the lock now|false}.
 */
const POLL = defineScript({
  NUMBER_OF_KEYS: 3,
  SCRIPT: `
local answer = redis.call('GET', KEYS[1])
if answer then return {answer, false} end
local holder = redis.call('GET', KEYS[2])
if holder == ARGV[1] then return {false, holder} end
return {redis.call('GET', KEYS[3]), holder}`,
  parseCommand(parser: CommandParser, result: string, lock: string, cache: string, holder: string) {
    keyed(parser, [result, lock, cache], [holder]);
  },
  transformReply: (reply: unknown): unknown[] => (Array.isArray(reply) ? reply : []),
});

/** Extends a lock while its holder still runs the call. */
const RENEW = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`,
  parseCommand(parser: CommandParser, lock: string, flight: string, ttlMs: number) {
    keyed(parser, [lock], [flight, ttlMs]);
  },
  transformReply: (reply: unknown) => reply as number,
});

function connect(url: string) {
  return createClient({
    url,
    disableOfflineQueue: true,
    scripts: { reserve: RESERVE, claim: CLAIM, poll: POLL, finish: FINISH, renew: RENEW, heartbeat: HEARTBEAT },
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000),
    },
  });
}

export type Redis = ReturnType<typeof connect>;

export type SharedState = 'shared' | 'unavailable';

/**
 * The Redis every replica shares, reached through one client per process. A command runs only while the client
 * is connected and the store answered its last command in time; otherwise, and when a command fails, the caller
 * gets OFFLINE at once and goes on with its local cache and budget. The client reconnects by itself, and the
 * store is used again as soon as it answers.
 */
export class SharedStore {
  /** Names this process in the locks and reservations it holds. */
  readonly replica = randomBytes(6).toString('base64url');
  private client: Redis;
  private pausedUntil = 0;
  private late = 0;
  private reported: SharedState | undefined;
  private serial = 0;
  private replicas = 1;
  /** Since when beats have counted fewer replicas than `replicas`, while they go on doing so. */
  private fewerSince: number | undefined;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly url: string,
    readonly prefix: string,
    private readonly timeoutMs: number,
  ) {
    this.client = this.open();
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /**
   * The replicas that shared this store lately, this one included, as last seen while it answered: what the
   * rate budget is split by while the store is away. A smaller count is taken only once beats have said so for
   * as long as a replica counts as alive: a store that restarted empty counts the first replica back as alone.
   */
  fleetSize(): number {
    return this.replicas;
  }

  private async beat(): Promise<void> {
    const counted = await this.run('heartbeat', (redis) =>
      redis.heartbeat(this.key('replicas'), this.replica, ALIVE_MS),
    );
    if (typeof counted !== 'number' || counted < 1) return;
    const now = Date.now();
    if (counted >= this.replicas) {
      this.replicas = counted;
      this.fewerSince = undefined;
      return;
    }
    this.fewerSince ??= now;
    if (now - this.fewerSince >= ALIVE_MS) {
      this.replicas = counted;
      this.fewerSince = undefined;
    }
  }

  private open(): Redis {
    const client = connect(this.url);
    client.on('error', (error: unknown) => {
      if (this.client === client) this.report('unavailable', error);
    });
    client.on('ready', () => {
      if (this.client !== client) return;
      this.pausedUntil = 0;
      this.late = 0;
      this.report('shared');
      void this.beat();
    });
    client.connect().catch((error: unknown) => {
      if (this.client === client) this.report('unavailable', error);
    });
    return client;
  }

  /** A key of this deployment: the prefix, the kind of value, then its parts. */
  key(kind: string, ...parts: string[]): string {
    return [this.prefix, LAYOUT, kind, ...parts].join(':');
  }

  /** The key of a value named by `name`, which may be long or hold anything: hashed, so keys stay short. */
  hashedKey(kind: string, name: string): string {
    return this.key(kind, createHash('sha256').update(name).digest('base64url'));
  }

  /** A name no other call of any replica uses. */
  uniqueId(): string {
    this.serial += 1;
    return `${this.replica}.${this.serial.toString(36)}`;
  }

  state(): SharedState {
    return this.client.isReady && performance.now() >= this.pausedUntil ? 'shared' : 'unavailable';
  }

  /**
   * Runs `command` on Redis, or gives OFFLINE when the store is unavailable, fails or is late: no command waits
   * longer than CACHE_TIMEOUT_MS after the client writes it out (and the loop's turns on either side), whatever
   * the client does with it.
   */
  async run<T>(operation: string, command: (redis: Redis) => Promise<T>): Promise<T | Offline> {
    if (this.state() !== 'shared') {
      recordSharedState({ up: false, fallback: operation });
      return OFFLINE;
    }
    const running = command(this.client);
    running.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    let immediate: NodeJS.Immediate | undefined;
    const late = new Promise<never>((_, reject) => {
      // The clock starts on the loop's next check phase, right after the client writes the command out
      // (@redis/client 6 writes what it queued in a setImmediate), not while this process is still busy with
      // other work; and it rejects after the loop's next I/O, so an answer
      // that came while the process was busy is read first. Either way Redis is not taken for slow on its behalf.
      const expire = () => {
        immediate = setImmediate(() => reject(new LateAnswer(this.timeoutMs)));
      };
      immediate = setImmediate(() => {
        timer = setTimeout(expire, this.timeoutMs);
      });
    });
    try {
      const value = await Promise.race([running, late]);
      this.late = 0;
      if (this.reported !== 'shared') this.report('shared');
      return value;
    } catch (error) {
      this.failed(error);
      recordSharedState({ up: false, fallback: operation });
      return OFFLINE;
    } finally {
      clearImmediate(immediate);
      clearTimeout(timer);
    }
  }

  /**
   * After a failure, or a second late answer in a row, the store is left alone for a while (one late answer may
   * be this busy process's own doing); a connection that keeps answering late is closed and opened anew.
   */
  private failed(error: unknown): void {
    const late = error instanceof LateAnswer;
    if (late) this.late += 1;
    if (!late || this.late >= PAUSE_AFTER_LATE) {
      this.pausedUntil = performance.now() + BACK_OFF_MS;
      this.report('unavailable', error);
    }
    if (this.late < LATE_IN_A_ROW || !this.client.isReady) return;
    const stale = this.client;
    this.late = 0;
    this.client = this.open();
    stale.destroy();
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    if (this.client.isOpen) await this.client.close();
    else {
      try {
        this.client.destroy();
      } catch {
        // Closed already.
      }
    }
  }

  private report(state: SharedState, error?: unknown): void {
    recordSharedState({ up: state === 'shared' });
    if (this.reported === state) return;
    this.reported = state;
    const log = proxyLogger();
    if (state === 'shared') log.info({ prefix: this.prefix }, 'shared store connected: cache and budget are shared');
    else {
      const reason = error instanceof Error ? error.message : String(error);
      log.warn({ prefix: this.prefix, reason }, 'shared store unavailable: serving from the local cache and budget');
    }
  }
}

const shared = processWide('shared-store', () => ({ store: undefined as SharedStore | undefined, config: '' }));

/** The deployment's shared store; undefined without CACHE_URL, when every replica keeps its own state. */
export function sharedStore(): SharedStore | undefined {
  const { CACHE_URL: url, CACHE_PREFIX: prefix, CACHE_TIMEOUT_MS: timeoutMs } = serverEnv();
  if (url === undefined) return undefined;
  const config = `${url}\n${prefix}\n${timeoutMs}`;
  if (shared.store === undefined || shared.config !== config) {
    void shared.store?.close().catch(() => undefined);
    shared.store = new SharedStore(url, prefix, timeoutMs);
    shared.config = config;
  }
  return shared.store;
}

export async function resetSharedStoreForTests(): Promise<void> {
  const store = shared.store;
  shared.store = undefined;
  shared.config = '';
  await store?.close();
}
