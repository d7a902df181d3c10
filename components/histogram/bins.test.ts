import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakdown, bucketOf, histogram, unitFor } from './bins';

const DAY = 86_400_000;

describe('histogram', () => {
  it('picks the bucket from the span: hours, days, weeks, months', () => {
    expect(unitFor(DAY)).toBe('hour');
    expect(unitFor(30 * DAY)).toBe('day');
    expect(unitFor(200 * DAY)).toBe('week');
    expect(unitFor(1_000 * DAY)).toBe('month');
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

  it('puts every dated row in the one bucket that holds its time, whatever the span', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: Date.parse('2015-01-01'), max: Date.parse('2026-01-01') }), {
          minLength: 1,
          maxLength: 200,
        }),
        fc.integer({ min: 1, max: 4_000 }),
        (offsets, scale) => {
          const base = offsets[0] ?? 0;
          const times = offsets.map((at) => base + Math.floor((at - base) / scale));
          const rows = times.map((at, index) => ({ At: new Date(at).toISOString(), Group: index % 3 ? 'a' : 'b' }));
          const chart = histogram(rows, 'At', 'Group');
          expect(chart.buckets.reduce((sum, bucket) => sum + bucket.total, 0)).toBe(rows.length);
          const expected = new Map<number, number>();
          for (const at of times) {
            const { start } = bucketOf(chart.unit, at);
            expected.set(start, (expected.get(start) ?? 0) + 1);
            expect(chart.buckets.filter((bucket) => bucket.start <= at && at < bucket.end)).toHaveLength(1);
          }
          for (const bucket of chart.buckets) expect(bucket.total).toBe(expected.get(bucket.start) ?? 0);
          for (const [index, bucket] of chart.buckets.entries()) {
            expect(bucket.counts.reduce((sum, value) => sum + value, 0)).toBe(bucket.total);
            if (index > 0) expect(bucket.start).toBe(chart.buckets[index - 1]?.end);
          }
          expect(chart.buckets.length).toBeLessThanOrEqual(200);
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
