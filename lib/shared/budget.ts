import 'server-only';
import { OFFLINE, type Offline, type SharedStore } from './store';

export interface Reservation {
  /** Whether a start was reserved; a refused one would have been more than the allowance away. */
  granted: boolean;
  /** How long from now the reserved start is, or when a refused caller might come back. */
  waitMs: number;
  /** The fleet's starts in the window, this one included. */
  inWindow: number;
  /** Gives the start back, unused: a caller that could not start on time. */
  release: () => Promise<void>;
}

/**
 * Reserves one start under the fleet's budget `name`: at most `limit` starts in any `windowMs`, whichever
 * replica starts them, in the order they asked. OFFLINE when the shared store cannot answer.
 */
export async function reserveStart(
  store: SharedStore,
  name: string,
  { limit, windowMs, maxWaitMs }: { limit: number; windowMs: number; maxWaitMs: number },
): Promise<Reservation | Offline> {
  const key = store.key('budget', name);
  const id = store.uniqueId();
  const reply = await store.run('budget', (redis) => redis.reserve(key, limit, windowMs, maxWaitMs, id));
  if (reply === OFFLINE) return OFFLINE;
  const [granted, waitMs, inWindow] = reply;
  if (granted === undefined || waitMs === undefined || inWindow === undefined) return OFFLINE;
  const release = async () => void (await store.run('budget', (redis) => redis.zRem(key, id)));
  return { granted: granted === 1, waitMs: Math.max(0, waitMs), inWindow, release };
}
