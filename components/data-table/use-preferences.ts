'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import * as z from 'zod/mini';

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

/** A value remembered per browser in localStorage; the server render and first paint use the fallback. */
export function useStoredValue<T>(key: string, schema: z.ZodMiniType<T>, fallback: T): [T, (value: T) => void] {
  const raw = useSyncExternalStore(
    subscribe,
    () => readRaw(key),
    () => null,
  );
  const value = useMemo(() => {
    if (raw === null) return fallback;
    try {
      const parsed = schema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : fallback;
    } catch {
      return fallback;
    }
  }, [raw, schema, fallback]);
  const set = useCallback((next: T) => writeRaw(key, JSON.stringify(next)), [key]);
  return [value, set];
}

export const densitySchema = z.enum(['compact', 'comfortable']);
export type Density = z.infer<typeof densitySchema>;
export const timeZoneSchema = z.enum(['local', 'utc']);
export type TimeZoneMode = z.infer<typeof timeZoneSchema>;
export const visibilitySchema = z.record(z.string(), z.boolean());

export function useTimeZone() {
  return useStoredValue<TimeZoneMode>('time-zone', timeZoneSchema, 'local');
}
