import type { Random } from './random';

export const DAY_MS = 86_400_000;
export const HISTORY_MS = 3 * 365 * DAY_MS;

/**
 * `count` ascending instants in [from, to). About `tieRate` of them repeat the previous
 * instant exactly, the way a pipeline registers several artifacts in the same second.
 */
export function ascendingInstants(random: Random, count: number, from: number, to: number, tieRate: number): number[] {
  const span = Math.max(1, to - from);
  const raw = Array.from({ length: count }, () => from + Math.floor(random.next() * span));
  raw.sort((a, b) => a - b);
  for (let i = 1; i < raw.length; i += 1) {
    const previous = raw[i - 1];
    if (previous !== undefined && random.chance(tieRate)) raw[i] = previous;
  }
  return raw;
}

export function later(random: Random, from: number, to: number, maxGapMs: number): number {
  return Math.min(to, from + Math.floor(random.next() * maxGapMs));
}
