import { describe, expect, it } from 'vitest';
import { exactTime, relativeTime, wallClock, zoneName } from './time-format';

const at = new Date('2026-03-12T04:05:06.789Z');

describe('time formats', () => {
  it('writes one format everywhere, naming the zone', () => {
    expect(wallClock(at, 'utc')).toBe('2026-03-12 04:05:06');
    expect(wallClock(at, 'utc', false)).toBe('2026-03-12 04:05');
    expect(exactTime(at, 'utc')).toBe('2026-03-12 04:05:06 UTC');
    expect(zoneName('utc')).toBe('UTC');
    expect(exactTime(at, 'local')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S+$/);
  });

  it('says how long ago in the largest whole unit', () => {
    const now = at.getTime();
    expect(relativeTime(new Date(now - 3 * 86_400_000), now)).toBe('3 days ago');
    expect(relativeTime(new Date(now - 90 * 60_000), now)).toBe('2 hr. ago');
    expect(relativeTime(new Date(now - 20_000), now)).toBe('just now');
  });
});
