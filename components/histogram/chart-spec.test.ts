import { describe, expect, it } from 'vitest';
import { resourceSpec } from '@/lib/resources/registry';
import { ONE_SOURCE } from '@/lib/url/sources';
import { chartField, closedSpan, facetPatch, facets, timeFields, viewBounds } from './chart-spec';

describe("the histogram's view of a resource", () => {
  it('counts by each date-range filter, by the column that holds its time', () => {
    expect(timeFields(resourceSpec('images'))).toEqual([
      { id: 'created', label: 'Created', field: 'CreationTime' },
      { id: 'modified', label: 'Last modified', field: 'LastModifiedTime' },
    ]);
    expect(timeFields(resourceSpec('model-packages')).map((field) => field.id)).toEqual(['created']);
  });

  it('counts by the time the URL names, by the first when it names none, and not at all when it is off', () => {
    const times = timeFields(resourceSpec('images'));
    expect(chartField(times, '')?.id).toBe('created');
    expect(chartField(times, 'modified')?.id).toBe('modified');
    expect(chartField(times, 'off')).toBeUndefined();
    expect(chartField([], '')).toBeUndefined();
  });

  it('breaks model packages down by approval and status, and a segment sets that filter', () => {
    const spec = resourceSpec('model-packages');
    const found = facets(spec, { approval: 'Approved', status: ['Completed'] }, ONE_SOURCE);
    expect(found.map((facet) => [facet.id, facet.field, facet.selected])).toEqual([
      ['group', 'ModelPackageGroupName', []],
      ['approval', 'ModelApprovalStatus', ['Approved']],
      ['status', 'ModelPackageStatus', ['Completed']],
    ]);
    expect(facetPatch(spec, 'approval', 'PendingManualApproval')).toEqual({ approval: 'PendingManualApproval' });
    expect(facetPatch(spec, 'approval', 'Unknown')).toEqual({});
    expect(facetPatch(spec, 'status', 'Failed')).toEqual({ status: ['Failed'] });
    expect(facetPatch(spec, 'group', 'churn-models')).toEqual({ group: 'churn-models' });
    expect(facetPatch(spec, 'status', 'Failed', true)).toEqual({ status: null });
  });

  it('adds the account over several sources', () => {
    const regions = ['us-east-1'];
    const sources = {
      accounts: [
        { name: 'prod', regions },
        { name: 'dev', regions },
      ],
      regions,
      several: true,
    };
    const found = facets(resourceSpec('images'), {}, sources);
    expect(found.map((facet) => facet.id)).toEqual(['status', 'account']);
    expect(found.at(-1)?.values).toEqual(['prod', 'dev']);
  });

  it('shades a range with both ends only', () => {
    const spec = resourceSpec('images');
    const start = new Date('2025-01-01T00:00:00Z');
    const end = new Date('2025-02-01T00:00:00Z');
    const span = (values: Parameters<typeof viewBounds>[1], resolved?: Record<string, string>) =>
      closedSpan(viewBounds(spec, values, 'created', resolved));
    expect(span({ created: { kind: 'absolute', start, end } })).toEqual({
      start: start.getTime(),
      end: end.getTime(),
    });
    expect(span({ created: { kind: 'absolute', start, end: null } })).toBeUndefined();
    expect(
      span(
        { created: { kind: 'relative', duration: 'P7D', ms: 7 * 86_400_000 } },
        { CreationTimeAfter: '2025-03-01T10:00:00Z' },
      ),
    ).toBe(undefined);
  });

  it("bounds a brush by the view: an absolute range's ends, or where the server started a relative one", () => {
    const spec = resourceSpec('images');
    const start = new Date('2025-01-01T06:00:00Z');
    expect(viewBounds(spec, { created: { kind: 'absolute', start, end: null } }, 'created', undefined)).toEqual({
      start: start.getTime(),
    });
    const relative = { created: { kind: 'relative', duration: 'P7D', ms: 7 * 86_400_000 } } as const;
    expect(viewBounds(spec, relative, 'created', { CreationTimeAfter: '2025-03-01T10:00:00Z' })).toEqual({
      start: Date.parse('2025-03-01T10:00:00Z'),
    });
    // The modified time is bounded by its own parameters, not the created ones.
    expect(viewBounds(spec, { modified: relative.created }, 'modified', { CreationTimeAfter: '2025-03-01' })).toEqual(
      {},
    );
    expect(viewBounds(spec, {}, 'created', undefined)).toEqual({});
  });
});
