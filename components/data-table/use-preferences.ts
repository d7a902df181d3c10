'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { isRecord } from '@/lib/resources/records';

const KEY_PREFIX = 'sagemaker-catalog:';
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function readRaw(key: string): string | null {
  try {
    return window.localStorage.getItem(KEY_PREFIX + key);
  } catch {
    return null;
  }
}

function writeRaw(key: string, value: string) {
  try {
    window.localStorage.setItem(KEY_PREFIX + key, value);
  } catch (error) {
    console.warn('Preferences could not be saved in this browser', error);
  }
  for (const listener of listeners) listener();
}

/** Reads a stored value back: the value, or undefined when what is stored is not one (then the fallback shows). */
export type ReadStored<T> = (stored: unknown) => T | undefined;

/**
 * A value remembered per browser in localStorage; the server render and first paint use the fallback, and so
 * does a stored value `read` does not take (another version's, or one edited by hand).
 */
export function useStoredValue<T>(key: string, read: ReadStored<T>, fallback: T): [T, (value: T) => void] {
  const raw = useSyncExternalStore(
    subscribe,
    () => readRaw(key),
    () => null,
  );
  const value = useMemo(() => {
    if (raw === null) return fallback;
    try {
      return read(JSON.parse(raw)) ?? fallback;
    } catch {
      return fallback;
    }
  }, [raw, read, fallback]);
  const set = useCallback((next: T) => writeRaw(key, JSON.stringify(next)), [key]);
  return [value, set];
}

function oneOf<const T extends string>(values: readonly T[]): ReadStored<T> {
  return (stored) => values.find((value) => value === stored);
}

export type Density = 'compact' | 'comfortable';
export const readDensity = oneOf<Density>(['compact', 'comfortable']);
export type TimeZoneMode = 'local' | 'utc';
const readTimeZone = oneOf<TimeZoneMode>(['local', 'utc']);

/** Column id → shown; entries that are not a boolean are left out. */
export const readVisibility: ReadStored<Record<string, boolean>> = (stored) =>
  isRecord(stored)
    ? Object.fromEntries(
        Object.entries(stored).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'),
      )
    : undefined;

export function useTimeZone() {
  return useStoredValue<TimeZoneMode>('time-zone', readTimeZone, 'local');
}
