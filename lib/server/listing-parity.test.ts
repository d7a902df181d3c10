import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@/lib/emulator';
import { awsCliList } from './test-support/aws-cli';
import { listAllThroughProxy, normalizeTimes } from './test-support/full-listing';
import { startProxyWithEmulator, stopProxyAndEmulator, stubProxyEnv } from './test-support/harness';
import { cliCommand, kebabCase } from '@/lib/resources/derive';
import { sourceFields } from '@/lib/resources/schemas/params';
import { resourceSpec, type ResourceId } from '@/lib/resources/registry';

interface ParityCase {
  name: string;
  route: ResourceId;
  params: Record<string, string>;
  path?: Record<string, string>;
}

function cliArgs({ params, path }: ParityCase): string[] {
  const members = Object.entries({ ...path, ...params }).filter(([name]) => name !== 'MaxResults');
  return members.flatMap(([name, value]) => [`--${kebabCase(name)}`, value]);
}

/**
 * Members the Debian AWS CLI's 2023 model does not know, so it drops them (spec §10), and the source every
 * proxy item names, which no single AWS call answers.
 */
const UNKNOWN_TO_CLI = new Set(['ModelLifeCycle', 'ModelPackageRegistrationType', ...Object.keys(sourceFields)]);
const asCliSees = (item: Record<string, unknown>) =>
  normalizeTimes(Object.fromEntries(Object.entries(item).filter(([key]) => !UNKNOWN_TO_CLI.has(key))));

const seconds = (iso: unknown) => String(Math.floor(Date.parse(String(iso)) / 1000));

let emulator: RunningEmulator;
let cases: ParityCase[] = [];
const expected = new Map<string, unknown[]>();

async function buildCases(): Promise<ParityCase[]> {
  const images = (await listAllThroughProxy('images', { SortBy: 'IMAGE_NAME', SortOrder: 'ASCENDING' })).items;
  const counts = await Promise.all(
    images.map(async (image) => ({
      name: String(image.ImageName),
      versions: (
        await listAllThroughProxy('image-versions', { MaxResults: '100' }, { ImageName: String(image.ImageName) })
      ).items,
    })),
  );
  const large = counts.reduce((a, b) => (b.versions.length > a.versions.length ? b : a));
  const imageMid = images[Math.floor(images.length / 2)] ?? {};
  const versionMid = large.versions[Math.floor(large.versions.length / 2)] ?? {};
  const packages = (await listAllThroughProxy('model-packages', { ModelPackageType: 'Both', MaxResults: '100' })).items;
  const group = String(packages.find((p) => p.ModelPackageGroupName !== undefined)?.ModelPackageGroupName);
  const packageMid = packages[Math.floor(packages.length / 3)] ?? {};
  const groups = (await listAllThroughProxy('model-package-groups', { MaxResults: '100' })).items;
  const groupMid = groups[Math.floor(groups.length / 2)] ?? {};
  const path = { ImageName: large.name };
  const sorts: [ResourceId, string, string][] = [
    ['images', 'CREATION_TIME', 'ASCENDING'],
    ['images', 'IMAGE_NAME', 'DESCENDING'],
    ['images', 'LAST_MODIFIED_TIME', 'DESCENDING'],
    ['image-versions', 'CREATION_TIME', 'ASCENDING'],
    ['image-versions', 'VERSION', 'DESCENDING'],
    ['image-versions', 'LAST_MODIFIED_TIME', 'ASCENDING'],
    ['model-packages', 'Name', 'Ascending'],
  ];
  const remainingSorts = sorts.map(([route, SortBy, SortOrder]): ParityCase => ({
    name: `${route}, by ${SortBy} ${SortOrder}`,
    route,
    params: { SortBy, SortOrder, MaxResults: '6', ...(route === 'model-packages' ? { ModelPackageType: 'Both' } : {}) },
    ...(route === 'image-versions' ? { path } : {}),
  }));
  return [
    ...remainingSorts,
    { name: 'images, defaults', route: 'images', params: {} },
    {
      name: 'images, name filter',
      route: 'images',
      params: { NameContains: String(imageMid.ImageName).slice(0, 3), MaxResults: '4' },
    },
    {
      name: 'images, creation range',
      route: 'images',
      params: {
        CreationTimeAfter: seconds(imageMid.CreationTime),
        CreationTimeBefore: String(Math.floor(Date.now() / 1000)),
        MaxResults: '6',
      },
    },
    {
      name: 'images, by name ascending',
      route: 'images',
      params: { SortBy: 'IMAGE_NAME', SortOrder: 'ASCENDING', MaxResults: '7' },
    },
    {
      name: 'images, modified after, by modified ascending',
      route: 'images',
      params: {
        LastModifiedTimeAfter: seconds(imageMid.LastModifiedTime),
        SortBy: 'LAST_MODIFIED_TIME',
        SortOrder: 'ASCENDING',
      },
    },
    { name: 'versions, defaults', route: 'image-versions', params: {}, path },
    {
      name: 'versions, by version ascending',
      route: 'image-versions',
      params: { SortBy: 'VERSION', SortOrder: 'ASCENDING', MaxResults: '9' },
      path,
    },
    {
      name: 'versions, created after, by modified descending',
      route: 'image-versions',
      params: {
        CreationTimeAfter: seconds(versionMid.CreationTime),
        SortBy: 'LAST_MODIFIED_TIME',
        SortOrder: 'DESCENDING',
        MaxResults: '3',
      },
      path,
    },
    { name: 'packages, defaults', route: 'model-packages', params: {} },
    { name: 'groups, defaults', route: 'model-package-groups', params: {} },
    {
      name: 'groups, name filter, by name descending',
      route: 'model-package-groups',
      params: { NameContains: group.slice(0, 3), SortBy: 'Name', SortOrder: 'Descending', MaxResults: '4' },
    },
    {
      name: 'groups, created after, newest first',
      route: 'model-package-groups',
      params: { CreationTimeAfter: seconds(groupMid.CreationTime), SortOrder: 'Descending', MaxResults: '7' },
    },
    {
      name: 'packages, both, by name descending',
      route: 'model-packages',
      params: { ModelPackageType: 'Both', SortBy: 'Name', SortOrder: 'Descending' },
    },
    {
      name: 'packages, versioned and approved',
      route: 'model-packages',
      params: { ModelPackageType: 'Versioned', ModelApprovalStatus: 'Approved', MaxResults: '5' },
    },
    {
      name: 'packages, one group by name',
      route: 'model-packages',
      params: { ModelPackageGroupName: group, SortOrder: 'Descending', MaxResults: '8' },
    },
    {
      name: 'packages, name filter and creation range, newest first',
      route: 'model-packages',
      params: {
        NameContains: group.slice(0, 4),
        ModelPackageType: 'Both',
        CreationTimeAfter: seconds(packageMid.CreationTime),
        SortBy: 'CreationTime',
        SortOrder: 'Descending',
      },
    },
  ];
}

beforeAll(async () => {
  emulator = await startProxyWithEmulator({}, { PROXY_CACHE_TTL_MS: '0' });
  cases = await buildCases();
  const listings = await Promise.all(
    cases.map((c) =>
      awsCliList(emulator.url, cliCommand(resourceSpec(c.route)), cliArgs(c), resourceSpec(c.route).resultKey),
    ),
  );
  cases.forEach((c, index) => expected.set(c.name, listings[index] ?? []));
}, 120_000);
afterAll(() => stopProxyAndEmulator(emulator));

async function expectParity(c: ParityCase): Promise<number> {
  const listing = await listAllThroughProxy(c.route, c.params, c.path);
  const want = expected.get(c.name) ?? [];
  expect(listing.items.map(asCliSees), c.name).toEqual(want.map(normalizeTimes));
  return listing.retries;
}

describe('a full listing through the proxy equals the AWS CLI listing (scan paging)', () => {
  it('has non-trivial expectations', () => {
    expect(cases.length).toBe(23);
    const sizes = cases.map((c) => expected.get(c.name)?.length ?? 0);
    expect(sizes.filter((size) => size > 0).length).toBe(cases.length);
  });

  it('matches for every parameter set', async () => {
    for (const c of cases) await expectParity(c);
  });

  it('matches with 30 % throttling and 10 % 5xx, the SDK retrying up to 3 attempts', async () => {
    stubProxyEnv({ AWS_ENDPOINT_URL_SAGEMAKER: emulator.url, PROXY_CACHE_TTL_MS: '0' });
    emulator.setFaults({ throttleRate: 0.3, errorRate: 0.1 });
    try {
      for (const c of cases.filter((_, index) => index % 4 === 0)) await expectParity(c);
    } finally {
      emulator.setFaults({});
    }
  }, 120_000);

  it('matches with 30 % throttling and 10 % 5xx and no SDK retries, the browser retrying instead', async () => {
    stubProxyEnv({ AWS_ENDPOINT_URL_SAGEMAKER: emulator.url, PROXY_CACHE_TTL_MS: '0', AWS_MAX_ATTEMPTS: '1' });
    emulator.setFaults({ throttleRate: 0.3, errorRate: 0.1 });
    let retries = 0;
    try {
      for (const c of cases) retries += await expectParity(c);
    } finally {
      emulator.setFaults({});
    }
    expect(retries).toBeGreaterThan(0);
  }, 120_000);
});
