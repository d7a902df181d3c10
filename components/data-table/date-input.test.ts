import { describe, expect, it } from 'vitest';
import { formatBound, parseBound } from './date-input';

const iso = (date: Date | null | undefined) => (date instanceof Date ? date.toISOString() : date);

describe('custom range bounds', () => {
  it('reads a start as the first instant of what was typed', () => {
    expect(iso(parseBound('2026-01-31', 'utc', 'start'))).toBe('2026-01-31T00:00:00.000Z');
    expect(iso(parseBound('2026-01-31 23:59', 'utc', 'start'))).toBe('2026-01-31T23:59:00.000Z');
    expect(iso(parseBound('2026-01-31T23:59:30', 'utc', 'start'))).toBe('2026-01-31T23:59:30.000Z');
  });

  it('reads an end as covering the whole day, minute or second that was typed', () => {
    expect(iso(parseBound('2026-01-31', 'utc', 'end'))).toBe('2026-01-31T23:59:59.999Z');
    expect(iso(parseBound('2026-01-31 23:59', 'utc', 'end'))).toBe('2026-01-31T23:59:59.999Z');
    expect(iso(parseBound(' 2026-01-31 23:59:30 ', 'utc', 'end'))).toBe('2026-01-31T23:59:30.999Z');
  });

  it('ends a local day at the next midnight, also on a day when the clocks change', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      expect(parseBound('2026-03-29', 'local', 'end')?.toISOString()).toBe('2026-03-29T21:59:59.999Z');
      expect(parseBound('2026-10-25', 'local', 'end')?.toISOString()).toBe('2026-10-25T22:59:59.999Z');
      expect(parseBound('2026-07-01', 'local', 'end')?.toISOString()).toBe('2026-07-01T21:59:59.999Z');
    } finally {
      process.env.TZ = zone;
    }
  });

  it('reads local time in the browser zone', () => {
    const local = parseBound('2026-07-01 12:00', 'local', 'start');
    expect(local).toEqual(new Date(2026, 6, 1, 12, 0, 0, 0));
  });

  it('takes empty as an open end and refuses what is not a time', () => {
    expect(parseBound('', 'utc', 'end')).toBeNull();
    for (const bad of ['2026-02-30', '2026-01-31 24:00', '31/01/2026', '2026-01-31 9:00', 'soon']) {
      expect(parseBound(bad, 'utc', 'start')).toBeUndefined();
    }
  });

  it('writes a bound back as it would be typed', () => {
    expect(formatBound(new Date('2026-01-31T00:00:00Z'), 'utc')).toBe('2026-01-31 00:00');
    expect(formatBound(new Date('2026-01-31T23:59:59.999Z'), 'utc')).toBe('2026-01-31 23:59');
    expect(formatBound(new Date('2026-01-31T23:59:30Z'), 'utc')).toBe('2026-01-31 23:59:30');
    expect(formatBound(null, 'utc')).toBe('');
  });
});
