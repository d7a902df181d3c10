import { describe, expect, it } from 'vitest';
import { parseDuration, parseRange, resolveRange, serializeRange } from './range';

const NOW = Date.parse('2026-03-10T12:00:00Z');

describe('parseDuration', () => {
  it.each([
    ['P7D', 7 * 86_400_000],
    ['PT24H', 86_400_000],
    ['PT1H30M', 5_400_000],
    ['P1W', 7 * 86_400_000],
    ['p30d', 30 * 86_400_000],
    ['PT90S', 90_000],
  ])('reads %s', (value, ms) => {
    expect(parseDuration(value)?.ms).toBe(ms);
  });

  it.each([
    'P',
    'PT',
    'P0D',
    'P1Y',
    'P1M',
    '7D',
    'P7DT',
    'P-1D',
    'P1.5D',
    'P36526D',
    'P99999999999D',
    'PT9999999999999H',
  ])('rejects %j', (value) => {
    expect(parseDuration(value)).toBeUndefined();
  });

  it('takes durations up to a century, whose start a date can hold', () => {
    const range = parseRange('P36525D');
    expect(range?.kind).toBe('relative');
    if (range?.kind !== 'relative') return;
    expect(resolveRange(range, Date.now()).after?.toISOString()).toMatch(/^19\d\d-/);
  });
});

describe('parseRange', () => {
  it('reads an absolute interval', () => {
    expect(parseRange('2026-01-01T00:00:00Z/2026-02-01T00:00:00Z')).toEqual({
      kind: 'absolute',
      start: new Date('2026-01-01T00:00:00Z'),
      end: new Date('2026-02-01T00:00:00Z'),
    });
  });

  it('reads open ends', () => {
    expect(parseRange('../2026-02-01T00:00:00Z')).toEqual({
      kind: 'absolute',
      start: null,
      end: new Date('2026-02-01T00:00:00Z'),
    });
    expect(parseRange('2026-01-01T00:00:00+01:00/..')).toEqual({
      kind: 'absolute',
      start: new Date('2025-12-31T23:00:00Z'),
      end: null,
    });
  });

  it.each([
    '../..',
    'yesterday',
    '2026-02-01T00:00:00Z/2026-01-01T00:00:00Z',
    '2026-01-01T00:00:00/..',
    'a/b/c',
    'P7D/..',
  ])('rejects %j', (value) => {
    expect(parseRange(value)).toBeUndefined();
  });

  it.each([
    'P7D',
    'PT24H',
    '2026-01-01T00:00:00Z/2026-02-01T00:00:00Z',
    '../2026-02-01T00:00:00.250Z',
    '2026-01-01T10:00:00Z/..',
  ])('round-trips %s', (value) => {
    const range = parseRange(value);
    expect(range).toBeDefined();
    if (range !== undefined) expect(serializeRange(range)).toBe(value);
  });

  it('normalizes offsets and date-only bounds to UTC', () => {
    const range = parseRange('2026-01-01/2026-01-02T01:00:00+01:00');
    expect(range && serializeRange(range)).toBe('2026-01-01T00:00:00Z/2026-01-02T00:00:00Z');
  });
});

describe('resolveRange', () => {
  it('resolves a duration against the start of the listing', () => {
    const range = parseRange('P7D');
    expect(range && resolveRange(range, NOW)).toEqual({ after: new Date('2026-03-03T12:00:00Z') });
  });

  it('keeps an interval as it is', () => {
    const range = parseRange('2026-01-01T00:00:00Z/..');
    expect(range && resolveRange(range, NOW)).toEqual({ after: new Date('2026-01-01T00:00:00Z') });
  });
});
