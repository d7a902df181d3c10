import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { breakdown, bucketOf, histogram, unitFor, type BucketZone } from './bins';

const DAY = 86_400_000;

/** Runs the rest of the test as a browser in `zone` would, and puts the process's zone back after it. */
function inZone(zone: string): void {
  const before = process.env.TZ;
  process.env.TZ = zone;
  onTestFinished(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });
}

describe('histogram', () => {
  it('picks the bucket from the span: hours, days, weeks, months, years', () => {
    expect(unitFor(DAY)).toBe('hour');
    expect(unitFor(30 * DAY)).toBe('day');
    expect(unitFor(200 * DAY)).toBe('week');
    expect(unitFor(1_000 * DAY)).toBe('month');
    expect(unitFor(3_650 * DAY)).toBe('month');
    expect(unitFor(3_700 * DAY)).toBe('year');
  });

  it("counts one old row among this year's per year, not in hundreds of empty months", () => {
    const rows = [{ At: '2009-06-01T00:00:00Z' }, { At: '2026-01-05T00:00:00Z' }, { At: '2026-03-01T00:00:00Z' }];
    const chart = histogram(rows, 'At', undefined);
    expect(chart.unit).toBe('year');
    expect(chart.buckets).toHaveLength(18);
    expect(chart.buckets.at(-1)).toMatchObject({ start: Date.parse('2026-01-01T00:00:00Z'), total: 2 });
  });

  describe("in the browser's zone", () => {
    it('starts days at local midnight and weeks on local Mondays, across a change of clocks', () => {
      inZone('America/Los_Angeles');
      // 05:00 UTC on 1 March is 21:00 on 28 February in Los Angeles (UTC−8).
      const day = bucketOf('day', Date.parse('2025-03-01T05:00:00Z'), 'local');
      expect(new Date(day.start).toISOString()).toBe('2025-02-28T08:00:00.000Z');
      expect(bucketOf('day', Date.parse('2025-03-01T05:00:00Z'), 'utc').start).toBe(Date.parse('2025-03-01'));
      // Clocks go forward on 9 March: that week is an hour short.
      const week = bucketOf('week', Date.parse('2025-03-05T12:00:00Z'), 'local');
      expect([new Date(week.start).toISOString(), new Date(week.end).toISOString()]).toEqual([
        '2025-03-03T08:00:00.000Z',
        '2025-03-10T07:00:00.000Z',
      ]);
      const chart = histogram(
        [{ At: '2025-03-01T05:00:00Z' }, { At: '2025-03-01T09:00:00Z' }, { At: '2025-03-12T00:00:00Z' }],
        'At',
        undefined,
        [],
        'local',
      );
      expect(chart.unit).toBe('day');
      expect(chart.buckets[0]).toMatchObject({ start: Date.parse('2025-02-28T08:00:00Z'), total: 1 });
      expect(chart.buckets[1]).toMatchObject({ start: Date.parse('2025-03-01T08:00:00Z'), total: 1 });
    });
  });

  it('counts rows per UTC day, stacked by status, with the empty days between', () => {
    const rows = [
      { CreationTime: '2025-03-01T10:00:00.000Z', Status: 'Completed' },
      { CreationTime: '2025-03-01T23:59:59.999Z', Status: 'Failed' },
      { CreationTime: '2025-03-04T00:00:00.000Z', Status: 'Completed' },
      { CreationTime: 'not a time', Status: 'Completed' },
      { Status: 'Completed' },
    ];
    const chart = histogram(rows, 'CreationTime', 'Status', ['Failed', 'Completed']);
    expect(chart.unit).toBe('day');
    expect(chart.groups).toEqual(['Failed', 'Completed']);
    expect(chart.buckets.map((bucket) => [new Date(bucket.start).toISOString().slice(0, 10), bucket.counts])).toEqual([
      ['2025-03-01', [1, 1]],
      ['2025-03-02', [0, 0]],
      ['2025-03-03', [0, 0]],
      ['2025-03-04', [0, 1]],
    ]);
    expect(chart.counted).toBe(3);
    expect(chart.undated).toBe(2);
  });

  it('weeks start on Monday and months on the first, in UTC', () => {
    expect(new Date(bucketOf('week', Date.parse('2025-03-05T12:00:00Z')).start).toISOString()).toBe(
      '2025-03-03T00:00:00.000Z',
    );
    const month = bucketOf('month', Date.parse('2025-02-14T12:00:00Z'));
    expect([new Date(month.start).toISOString(), new Date(month.end).toISOString()]).toEqual([
      '2025-02-01T00:00:00.000Z',
      '2025-03-01T00:00:00.000Z',
    ]);
  });

  it('puts every dated row in the one bucket that holds its time, whatever the span and zone', () => {
    // A zone half an hour off UTC, with summer time: local buckets differ from UTC ones at every unit.
    inZone('Australia/Adelaide');
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: Date.parse('2015-01-01'), max: Date.parse('2026-01-01') }), {
          minLength: 1,
          maxLength: 200,
        }),
        fc.integer({ min: 1, max: 4_000 }),
        fc.constantFrom<BucketZone>('utc', 'local'),
        (offsets, scale, zone) => {
          const base = offsets[0] ?? 0;
          const times = offsets.map((at) => base + Math.floor((at - base) / scale));
          const rows = times.map((at, index) => ({ At: new Date(at).toISOString(), Group: index % 3 ? 'a' : 'b' }));
          const chart = histogram(rows, 'At', 'Group', [], zone);
          expect(chart.buckets.reduce((sum, bucket) => sum + bucket.total, 0)).toBe(rows.length);
          const expected = new Map<number, number>();
          for (const at of times) {
            const { start } = bucketOf(chart.unit, at, zone);
            expected.set(start, (expected.get(start) ?? 0) + 1);
            expect(chart.buckets.filter((bucket) => bucket.start <= at && at < bucket.end)).toHaveLength(1);
          }
          for (const bucket of chart.buckets) expect(bucket.total).toBe(expected.get(bucket.start) ?? 0);
          for (const [index, bucket] of chart.buckets.entries()) {
            expect(bucket.counts.reduce((sum, value) => sum + value, 0)).toBe(bucket.total);
            if (index > 0) expect(bucket.start).toBe(chart.buckets[index - 1]?.end);
          }
          expect(chart.buckets.length).toBeLessThanOrEqual(125);
        },
      ),
    );
  });

  it('breaks rows down by a field, largest first', () => {
    const rows = [{ S: 'b' }, { S: 'a' }, { S: 'b' }, {}];
    expect(breakdown(rows, 'S', ['a', 'b'])).toEqual([
      { value: 'b', count: 2 },
      { value: 'a', count: 1 },
      { value: '', count: 1 },
    ]);
  });
});
