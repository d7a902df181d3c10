import 'server-only';
import { OFFLINE, type Offline, type SharedStore } from './store';

export interface Reservation {
  /** Whether a start was reserved; a refused one would have been more than the allowance away. */
  granted: boolean;
  /** How long from now the reserved start is, or when a refused caller might come back. */
  waitMs: number;
  /** The fleet's starts in the window, this one included. */
  inWindow: number;
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
  const reply = await store.run('budget', (redis) =>
    redis.reserve(store.key('budget', name), limit, windowMs, maxWaitMs, store.uniqueId()),
  );
  if (reply === OFFLINE) return OFFLINE;
  const [granted, waitMs, inWindow] = reply;
  if (granted === undefined || waitMs === undefined || inWindow === undefined) return OFFLINE;
  return { granted: granted === 1, waitMs: Math.max(0, waitMs), inWindow };
}
