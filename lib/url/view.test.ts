import { describe, expect, it } from 'vitest';
import { imageVersionsSpec } from '@/lib/resources/image-versions';
import { imagesSpec } from '@/lib/resources/images';
import { modelPackagesSpec } from '@/lib/resources/model-packages';
import { rangeApiParams, sortsInBrowser, staticApiParams } from './api-query';
import { hasFilters, listValue, readView, writeView } from './view';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const read = (spec: Parameters<typeof readView>[0], query: string) => {
  const params = new URLSearchParams(query);
  return readView(spec, (name) => params.get(name));
};

describe('readView and writeView', () => {
  it.each([
    [
      imagesSpec,
      'name=tf-2&created=P7D&modified=PT24H&sort=name&order=asc&status=CREATED,CREATE_FAILED&refresh=1m&details=arn%3Aaws%3Asagemaker%3Aus-east-1%3A123456789012%3Aimage%2Ftf-2',
    ],
    [imageVersionsSpec, 'created=2026-01-01T00:00:00Z/2026-02-01T00:00:00Z&sort=version&order=desc&status=CREATED'],
    [
      modelPackagesSpec,
      'name=churn&group=churn-models&approval=Approved&type=versioned&created=../2026-02-01T00:00:00Z&sort=created&order=desc&status=Completed',
    ],
  ])('round-trips %#', (spec, query) => {
    const { values, issues } = read(spec, query);
    expect(issues).toEqual([]);
    expect(Object.fromEntries(writeView(spec, values))).toEqual(Object.fromEntries(new URLSearchParams(query)));
  });

  it('reports and ignores bad values, naming the parameter', () => {
    const { values, issues } = read(
      imagesSpec,
      'name=bad name!&created=last-week&sort=description&order=up&status=CREATED,NOPE',
    );
    expect(issues.map((issue) => issue.param)).toEqual(['sort', 'order', 'name', 'created', 'status']);
    expect(values).toMatchObject({ name: null, created: null, sort: null, order: null });
    expect(listValue(values, 'status')).toEqual(['CREATED']);
  });

  it("gives the app's own spelling of a sound value written otherwise, to put in the URL", () => {
    const { rewrites, issues } = read(imagesSpec, 'refresh=1M&sort=name&status=created');
    expect(issues).toEqual([]);
    expect(rewrites).toEqual({ refresh: '1m', status: ['CREATED'] });
    expect(read(imagesSpec, 'refresh=1m&sort=name').rewrites).toEqual({});
  });

  it('keeps the open details and the auto-refresh choice only when they are sound', () => {
    const { values, issues } = read(imagesSpec, `refresh=2m&details=${'a'.repeat(2049)}`);
    expect(issues.map((issue) => [issue.param, issue.message])).toEqual([
      ['details', 'must be at most 2048 characters'],
      ['refresh', expect.stringContaining('30s')],
    ]);
    expect(values).toMatchObject({ details: null, refresh: null });
  });

  it("takes the chart's time field, and names the choices for anything else", () => {
    expect(read(imagesSpec, 'chart=Modified').rewrites).toEqual({ chart: 'modified' });
    expect(read(imagesSpec, 'chart=OFF').rewrites).toEqual({ chart: 'off' });
    expect(read(imagesSpec, 'chart=Created&sort=name')).toMatchObject({
      values: { chart: null, sort: 'name' },
      issues: [],
      rewrites: { chart: null },
    });
    expect(read(modelPackagesSpec, 'chart=created').rewrites).toEqual({ chart: null });
    expect(read(modelPackagesSpec, 'chart=modified').issues).toEqual([
      { param: 'chart', value: 'modified', message: 'must be one of: created, off' },
    ]);
  });

  it("checks a text filter with the API's own constraints: 63 characters pass, 64 are named and ignored", () => {
    expect(read(imagesSpec, `name=${'a'.repeat(63)}`).issues).toEqual([]);
    const { values, issues } = read(imagesSpec, `name=${'a'.repeat(64)}`);
    expect(issues).toEqual([{ param: 'name', value: 'a'.repeat(64), message: 'must be at most 63 characters' }]);
    expect(values.name).toBeNull();
    expect(read(modelPackagesSpec, 'name=churn.v2').issues[0]?.param).toBe('name');
    expect(read(modelPackagesSpec, `group=${'g'.repeat(64)}`).issues[0]?.param).toBe('group');
    const arn = 'arn:aws:sagemaker:us-east-1:123456789012:model-package-group/churn-xgboost';
    expect(read(modelPackagesSpec, `group=${arn}`).issues).toEqual([]);
  });

  it('accepts enum values in any case and writes their canonical form', () => {
    const { values } = read(modelPackagesSpec, 'approval=approved&type=Versioned&status=completed');
    expect(Object.fromEntries(writeView(modelPackagesSpec, values))).toEqual({
      approval: 'Approved',
      type: 'versioned',
      status: 'Completed',
    });
  });

  it('rejects a model package name with a dot, as the API does', () => {
    expect(read(modelPackagesSpec, 'name=churn.v2').issues[0]?.param).toBe('name');
  });

  it('tells filtered views from unfiltered ones, ignoring defaults', () => {
    expect(hasFilters(modelPackagesSpec, read(modelPackagesSpec, 'type=both&sort=name').values)).toBe(false);
    expect(hasFilters(modelPackagesSpec, read(modelPackagesSpec, 'status=Failed').values)).toBe(true);
  });
});

describe('API parameters', () => {
  it('maps sort ids and orders to each API’s own enums', () => {
    expect(staticApiParams(imagesSpec, read(imagesSpec, 'sort=name&order=asc').values)).toEqual({
      SortBy: 'IMAGE_NAME',
      SortOrder: 'ASCENDING',
    });
    expect(staticApiParams(modelPackagesSpec, read(modelPackagesSpec, 'sort=name&order=asc').values)).toEqual({
      ModelPackageType: 'Both',
      SortBy: 'Name',
      SortOrder: 'Ascending',
    });
  });

  it('sends the default server sort when sorting by a browser-only column', () => {
    const { values } = read(imagesSpec, 'sort=status&order=asc');
    expect(sortsInBrowser(imagesSpec, values)).toBe(true);
    expect(staticApiParams(imagesSpec, values)).toEqual({ SortBy: 'CREATION_TIME', SortOrder: 'DESCENDING' });
  });

  it('sends filters under the API member names', () => {
    const { values } = read(
      modelPackagesSpec,
      'name=churn&group=churn-models&approval=PendingManualApproval&type=unversioned',
    );
    expect(staticApiParams(modelPackagesSpec, values)).toMatchObject({
      NameContains: 'churn',
      ModelPackageGroupName: 'churn-models',
      ModelApprovalStatus: 'PendingManualApproval',
      ModelPackageType: 'Unversioned',
    });
  });

  it('resolves relative and absolute ranges', () => {
    const { values } = read(imagesSpec, 'created=P7D&modified=2026-01-01T00:00:00Z/2026-02-01T00:00:00Z');
    expect(rangeApiParams(imagesSpec, values, NOW)).toEqual({
      CreationTimeAfter: '2026-03-03T12:00:00Z',
      LastModifiedTimeAfter: '2026-01-01T00:00:00Z',
      LastModifiedTimeBefore: '2026-02-01T00:00:00Z',
    });
  });
});
