import { describe, expect, it } from 'vitest';
import { resourceSpec } from '@/lib/resources/registry';
import { matchesBrowserFilters, newerRows } from './list-query';

const spec = resourceSpec('model-packages');
const arn = (name: string) => `arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/${name}`;
const row = (name: string, created: string, status = 'Approved') => ({
  ModelPackageName: 'churn',
  ModelPackageArn: arn(name),
  CreationTime: created,
  ModelPackageStatus: 'Completed',
  ModelApprovalStatus: status,
});

describe('rows newer than the loaded ones', () => {
  const loaded = [row('3', '2026-11-30T10:00:00Z'), row('2', '2026-11-29T10:00:00Z')];

  it('counts the polled rows created after the newest loaded row', () => {
    const polled = [row('5', '2026-12-01T09:00:00Z'), row('4', '2026-11-30T11:00:00Z'), ...loaded];
    expect(newerRows(spec, loaded, polled).map((item) => item.ModelPackageArn)).toEqual([arn('5'), arn('4')]);
  });

  it('leaves out rows already loaded, and rows as old as the newest loaded one', () => {
    const polled = [row('3', '2026-11-30T10:00:00Z'), row('x', '2026-11-30T10:00:00Z'), ...loaded];
    expect(newerRows(spec, loaded, polled)).toEqual([]);
  });

  it('compares times, not their text', () => {
    const polled = [row('6', '2026-11-30T10:00:00.500+00:00'), row('7', '2026-11-30T11:00:00+02:00')];
    expect(newerRows(spec, loaded, polled).map((item) => item.ModelPackageArn)).toEqual([arn('6')]);
  });

  it('finds every polled row new when nothing is loaded yet, whatever the loaded order', () => {
    expect(newerRows(spec, [], loaded)).toHaveLength(2);
    expect(newerRows(spec, [...loaded].reverse(), [row('8', '2026-11-30T10:00:01Z')])).toHaveLength(1);
  });
});

describe('the browser-side filters', () => {
  it('is null when none is set, and keeps only the chosen values otherwise', () => {
    expect(matchesBrowserFilters(spec, {})).toBeNull();
    const filter = spec.filters.find((candidate) => candidate.kind === 'multiEnum');
    expect(filter).toBeDefined();
    const keep = matchesBrowserFilters(spec, { [filter?.id ?? '']: ['Completed'] });
    expect(keep?.(row('1', '2026-11-30T10:00:00Z'))).toBe(true);
    expect(keep?.({ ...row('1', '2026-11-30T10:00:00Z'), ModelPackageStatus: 'Failed' })).toBe(false);
  });
});
