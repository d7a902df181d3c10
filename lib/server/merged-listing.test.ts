import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY, startEmulator, type RunningEmulator } from '@/lib/emulator';
import { cliCommand, kebabCase } from '@/lib/resources/derive';
import { sourceFields } from '@/lib/resources/schemas/params';
import { resourceSpec, type ResourceId } from '@/lib/resources/registry';
import { listingSort } from './merge/order';
import { awsCliList, type CliIdentity } from './test-support/aws-cli';
import { normalizeTimes } from './test-support/full-listing';
import { sageMakerCalls, stubProxyEnv } from './test-support/harness';
import { errorReply, pageReply } from './test-support/replies';
import { callRoute } from './test-support/routes';
import { GET as exportModelPackages } from '@/app/api/model-packages/export/route';

const ACCOUNTS = { prod: '111111111111', staging: '222222222222', dev: '333333333333' } as const;
const REGIONS = ['us-east-1', 'eu-west-1'] as const;
const role = (id: string) => `arn:aws:iam::${id}:role/CatalogReadOnly`;

let emulator: RunningEmulator;
let sourcesFile: string;
const identities = new Map<string, CliIdentity>();

interface Source {
  account: keyof typeof ACCOUNTS;
  region: string;
}
const SOURCES: Source[] = (Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[]).flatMap((account) =>
  REGIONS.map((region) => ({ account, region })),
);
const keyOf = (source: { account: string; region: string }) => `${source.account}/${source.region}`;

function useProxy(env: Record<string, string> = {}): void {
  stubProxyEnv({
    AWS_ENDPOINT_URL_SAGEMAKER: emulator.url,
    AWS_ENDPOINT_URL_STS: emulator.url,
    CATALOG_SOURCES_FILE: sourcesFile,
    PROXY_CACHE_TTL_MS: '0',
    ...env,
  });
}

/** The CLI's credentials for each account, from the running emulator's STS. */
async function assumeRoles(names: (keyof typeof ACCOUNTS)[]): Promise<void> {
  identities.clear();
  const sts = new STSClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: DEFAULT_ACCESS_KEY_ID, secretAccessKey: DEFAULT_SECRET_ACCESS_KEY },
  });
  for (const name of names) {
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({ RoleArn: role(ACCOUNTS[name]), RoleSessionName: 'cli' }),
    );
    identities.set(name, {
      accessKeyId: Credentials?.AccessKeyId,
      secretAccessKey: Credentials?.SecretAccessKey,
      sessionToken: Credentials?.SessionToken,
    });
  }
}

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    scale: 'small',
    roles: [role(ACCOUNTS.prod), role(ACCOUNTS.staging), role(ACCOUNTS.dev)],
  });
  const dir = mkdtempSync(join(tmpdir(), 'merged-'));
  sourcesFile = join(dir, 'sources.json');
  writeFileSync(
    sourcesFile,
    JSON.stringify({
      regions: REGIONS,
      accounts: Object.entries(ACCOUNTS).map(([name, id]) => ({ name, roleArn: role(id) })),
    }),
  );
  await assumeRoles(['prod', 'staging', 'dev']);
}, 60_000);
afterAll(() => emulator?.close());

type Item = Record<string, unknown>;

interface Merged {
  items: Item[];
  pages: number;
  failures: { source: string; status: string; code: string | undefined }[];
}

/**
 * Every page of a merged listing through the proxy; a page where a source failed is asked again (up to
 * `askAgain` times), as the sources report says a client may.
 */
async function listMerged(
  route: ResourceId,
  params: Record<string, string>,
  path: Record<string, string> = {},
  askAgain = 30,
): Promise<Merged> {
  const merged: Merged = { items: [], pages: 0, failures: [] };
  let token: string | null = null;
  for (let guard = 0; guard < 2000; guard += 1) {
    const query = new URLSearchParams(token === null ? params : { ...params, NextToken: token });
    let reply = await callRoute(route, query.toString(), path);
    for (let attempt = 0; attempt < askAgain; attempt += 1) {
      const failing = reply.status !== 200 || pageReply.parse(reply.body).sources.some((s) => s.status !== 'ok');
      if (!failing) break;
      await sleep(5);
      reply = await callRoute(route, query.toString(), path);
    }
    if (reply.status !== 200) throw new Error(`proxy answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    const page = pageReply.parse(reply.body);
    merged.pages += 1;
    merged.items.push(...page.items);
    for (const status of page.sources.filter((s) => s.status !== 'ok')) {
      merged.failures.push({ source: keyOf(status), status: status.status, code: status.error?.code });
    }
    token = page.nextToken;
    if (token === null) return merged;
  }
  throw new Error('the merged listing did not end');
}

function cliArgs(params: Record<string, string>, path: Record<string, string>): string[] {
  return Object.entries({ ...path, ...params })
    .filter(([name]) => name !== 'MaxResults' && name !== 'Accounts' && name !== 'Regions')
    .flatMap(([name, value]) => [`--${kebabCase(name)}`, value]);
}

async function cliListing(route: ResourceId, source: Source, params: Record<string, string>, path = {}) {
  const spec = resourceSpec(route);
  const identity = { ...identities.get(source.account), region: source.region };
  try {
    return await awsCliList(emulator.url, cliCommand(spec), cliArgs(params, path), spec.resultKey, identity);
  } catch (error) {
    if (String(error).includes('ResourceNotFound')) return [];
    throw error;
  }
}

const withoutSource = (item: Item) =>
  normalizeTimes(Object.fromEntries(Object.entries(item).filter(([key]) => !(key in sourceFields))));

/**
 * The merged listing is the sorted union of the per-source CLI listings: the same items, each once and labelled
 * with its source; in the API's order across sources; and in each source's own order within it.
 */
async function expectSortedUnion(
  route: ResourceId,
  params: Record<string, string>,
  merged: Item[],
  sources: Source[] = SOURCES,
  path: Record<string, string> = {},
) {
  const spec = resourceSpec(route);
  const unknownToCli = new Set(['ModelLifeCycle', 'ModelPackageRegistrationType']);
  const asCli = (item: Item) =>
    withoutSource(Object.fromEntries(Object.entries(item).filter(([key]) => !unknownToCli.has(key))));
  let expectedTotal = 0;
  for (const source of sources) {
    const fromSource = merged.filter((item) => item.AccountName === source.account && item.Region === source.region);
    for (const item of fromSource) expect(item.AccountId).toBe(ACCOUNTS[source.account]);
    const cli = await cliListing(route, source, params, path);
    expectedTotal += cli.length;
    expect(fromSource.map(asCli), keyOf(source)).toEqual(cli.map(normalizeTimes));
  }
  expect(merged).toHaveLength(expectedTotal);
  const ids = merged.map((item) => `${String(item.AccountName)}/${String(item.Region)}/${String(item[spec.idField])}`);
  expect(new Set(ids).size).toBe(ids.length);
  const { field, cell, descending } = listingSort(spec, params);
  const keys = merged.map((item) => (cell === 'datetime' ? Date.parse(String(item[field])) : item[field]));
  for (let index = 1; index < keys.length; index += 1) {
    const [before, after] = [keys[index - 1], keys[index]] as [string | number, string | number];
    expect(descending ? before >= after : before <= after, `${String(before)} then ${String(after)}`).toBe(true);
  }
}

const CASES: { name: string; route: ResourceId; params: Record<string, string> }[] = [
  { name: 'images, defaults, small pages', route: 'images', params: { MaxResults: '7' } },
  {
    name: 'images by name ascending',
    route: 'images',
    params: { SortBy: 'IMAGE_NAME', SortOrder: 'ASCENDING', MaxResults: '5' },
  },
  {
    name: 'images by name with a filter',
    route: 'images',
    params: { NameContains: 'a', SortBy: 'IMAGE_NAME', MaxResults: '4' },
  },
  { name: 'groups, API defaults', route: 'model-package-groups', params: { MaxResults: '9' } },
  {
    name: 'packages, both kinds, newest first',
    route: 'model-packages',
    params: { ModelPackageType: 'Both', SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: '25' },
  },
  {
    name: 'packages, versioned and approved, by name descending',
    route: 'model-packages',
    params: {
      ModelPackageType: 'Versioned',
      ModelApprovalStatus: 'Approved',
      SortBy: 'Name',
      SortOrder: 'Descending',
      MaxResults: '10',
    },
  },
];

describe('a merged listing over 3 accounts × 2 regions', () => {
  it.each(CASES)(
    '$name equals the sorted union of the per-source AWS CLI listings',
    async ({ route, params }) => {
      useProxy();
      const merged = await listMerged(route, params, {}, 0);
      expect(merged.failures).toEqual([]);
      expect(merged.items.length).toBeGreaterThan(Number(params.MaxResults ?? '10'));
      await expectSortedUnion(route, params, merged.items);
    },
    120_000,
  );

  it('exports the same sorted union, in the same order, as one streamed download', async () => {
    useProxy();
    const params = { ModelPackageType: 'Both', SortBy: 'CreationTime', SortOrder: 'Descending' };
    const query = new URLSearchParams({ ...params, format: 'json' });
    const response = await exportModelPackages(new Request(`http://localhost/api/model-packages/export?${query}`), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    const exported = JSON.parse(await response.text()) as Item[];
    await expectSortedUnion('model-packages', params, exported);
    const merged = await listMerged('model-packages', { ...params, MaxResults: '100' });
    expect(exported.map(withoutSource)).toEqual(merged.items.map(withoutSource));
  });

  it('stays exact under 30 % throttling and 10 % 5xx', async () => {
    useProxy({ AWS_MAX_ATTEMPTS: '2' });
    emulator.setFaults({ throttleRate: 0.3, errorRate: 0.1, operations: ['ListModelPackages'] });
    try {
      const params = { ModelPackageType: 'Both', SortBy: 'Name', SortOrder: 'Ascending', MaxResults: '20' };
      const merged = await listMerged('model-packages', params, {}, 200);
      emulator.setFaults({});
      await expectSortedUnion('model-packages', params, merged.items);
    } finally {
      emulator.setFaults({});
    }
  }, 120_000);

  it("lists one image's versions from the sources that have it; 404 only when none has it", async () => {
    useProxy();
    const images = await listMerged('images', { SortBy: 'IMAGE_NAME', SortOrder: 'ASCENDING', MaxResults: '100' });
    const name = String(images.items[0]?.ImageName);
    const holders = SOURCES.filter((source) =>
      images.items.some(
        (item) => item.ImageName === name && item.AccountName === source.account && item.Region === source.region,
      ),
    );
    expect(holders.length).toBeGreaterThan(0);
    expect(holders.length).toBeLessThan(SOURCES.length);
    const params = { SortBy: 'VERSION', SortOrder: 'ASCENDING', MaxResults: '3' };
    const versions = await listMerged('image-versions', params, { ImageName: name });
    expect(versions.failures).toEqual([]);
    await expectSortedUnion('image-versions', params, versions.items, SOURCES, { ImageName: name });
    const missing = await callRoute('image-versions', '', { ImageName: 'no-such-image-anywhere' });
    expect(missing.status).toBe(404);
    expect(errorReply.parse(missing.body).error.code).toBe('NotFound');
  }, 120_000);

  it('asks each source for no more pages than the merged listing consumed, plus one', async () => {
    useProxy({ PROXY_CACHE_TTL_MS: '5000' });
    const params = { ModelPackageType: 'Both', SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: '10' };
    const before = sageMakerCalls(emulator);
    const merged = await listMerged('model-packages', params, {}, 0);
    const calls = sageMakerCalls(emulator) - before;
    const perSource = SOURCES.map(
      (source) =>
        merged.items.filter((item) => item.AccountName === source.account && item.Region === source.region).length,
    );
    const ownPages = perSource.reduce((sum, count) => sum + Math.max(1, Math.ceil(count / 10)), 0);
    expect(calls).toBeGreaterThanOrEqual(ownPages);
    expect(calls).toBeLessThanOrEqual(ownPages + SOURCES.length);
  }, 120_000);

  it('continues the rows it started from when a source gains a row meanwhile', async () => {
    useProxy({ PROXY_CACHE_TTL_MS: '0' });
    const params = {
      ModelPackageType: 'Unversioned',
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
      MaxResults: '4',
    };
    const before = await listMerged('model-packages', params, {}, 0);
    const first = pageReply.parse((await callRoute('model-packages', new URLSearchParams(params).toString())).body);
    const name = `added-${Date.now()}`;
    const added = await fetch(`${emulator.url}/_emulator/items`, {
      method: 'POST',
      body: JSON.stringify({
        region: 'us-east-1',
        accountId: ACCOUNTS.prod,
        ModelPackages: [
          {
            ModelPackageName: name,
            ModelPackageArn: `arn:aws:sagemaker:us-east-1:${ACCOUNTS.prod}:model-package/${name}`,
            CreationTime: Date.now() / 1000,
            ModelPackageStatus: 'Completed',
          },
        ],
      }),
    });
    expect(added.ok).toBe(true);
    const rest: Item[] = [];
    let token = first.nextToken;
    while (token !== null) {
      const page = pageReply.parse(
        (await callRoute('model-packages', new URLSearchParams({ ...params, NextToken: token }).toString())).body,
      );
      rest.push(...page.items);
      token = page.nextToken;
    }
    expect([...first.items, ...rest].map((item) => item.ModelPackageArn)).toEqual(
      before.items.map((item) => item.ModelPackageArn),
    );
    const after = await listMerged('model-packages', params, {}, 0);
    expect(after.items[0]?.ModelPackageName).toBe(name);
  }, 60_000);

  it('takes Accounts and Regions by name or account id, and names a bad one', async () => {
    useProxy();
    const params = { Accounts: `prod,${ACCOUNTS.dev}`, Regions: 'eu-west-1', MaxResults: '100' };
    const chosen = await listMerged('images', params);
    const seen = new Set(chosen.items.map((item) => `${String(item.AccountName)}/${String(item.Region)}`));
    expect([...seen].sort()).toEqual(['dev/eu-west-1', 'prod/eu-west-1']);
    await expectSortedUnion('images', params, chosen.items, [
      { account: 'prod', region: 'eu-west-1' },
      { account: 'dev', region: 'eu-west-1' },
    ]);
    for (const [query, param] of [
      ['Accounts=nope', 'Accounts'],
      ['Regions=ap-south-1', 'Regions'],
      ['NextToken=m1.e30', 'NextToken'],
    ] as const) {
      const reply = await callRoute('images', query);
      expect(reply.status, query).toBe(400);
      expect(errorReply.parse(reply.body).error.param).toBe(param);
    }
    const first = pageReply.parse((await callRoute('images', 'MaxResults=2')).body);
    const other = await callRoute(
      'images',
      `MaxResults=2&Accounts=prod&NextToken=${encodeURIComponent(first.nextToken ?? '')}`,
    );
    expect(errorReply.parse(other.body).error).toMatchObject({ code: 'InvalidParameter', param: 'NextToken' });
  }, 120_000);
});

describe('a source that fails', () => {
  it('an account refusing its role is reported on every page while the others list completely', async () => {
    await emulator.close();
    emulator = await startEmulator({ port: 0, scale: 'small', roles: [role(ACCOUNTS.prod), role(ACCOUNTS.staging)] });
    await assumeRoles(['prod', 'staging']);
    useProxy();
    const params = { SortBy: 'IMAGE_NAME', SortOrder: 'ASCENDING', MaxResults: '6' };
    const merged = await listMerged('images', params, {}, 0);
    expect(merged.pages).toBeGreaterThan(1);
    const refused = merged.failures.filter((failure) => failure.source.startsWith('dev/'));
    expect(refused.length).toBe(merged.pages * 2);
    expect(new Set(refused.map((failure) => failure.code))).toEqual(new Set(['AccessDenied']));
    const first = pageReply.parse((await callRoute('images', new URLSearchParams(params).toString())).body);
    expect(first.sources.find((source) => source.account === 'dev')?.error?.message).toContain(role(ACCOUNTS.dev));
    await expectSortedUnion(
      'images',
      params,
      merged.items,
      SOURCES.filter((source) => source.account !== 'dev'),
    );
    // An export is never short by a source: it fails naming the one that refuses, before any byte.
    const exported = await exportModelPackages(
      new Request('http://localhost/api/model-packages/export?format=csv&ModelPackageType=Both'),
      { params: Promise.resolve({}) },
    );
    expect(exported.status).toBe(403);
    expect(exported.headers.get('content-disposition')).toBeNull();
    const { error } = (await exported.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('AccessDenied');
    expect(error.message).toMatch(/^dev in (us-east-1|eu-west-1): .* Export without it/);
  }, 120_000);

  it('a slow source is left out after CATALOG_SOURCE_WAIT_MS and back when asked again', async () => {
    useProxy({ CATALOG_SOURCE_WAIT_MS: '300', PROXY_CACHE_TTL_MS: '60000' });
    emulator.setFaults({ latencyMs: 1200, accounts: [ACCOUNTS.staging], regions: ['eu-west-1'] });
    try {
      const query = 'SortBy=IMAGE_NAME&SortOrder=ASCENDING&MaxResults=5&Accounts=prod,staging';
      const started = performance.now();
      const first = pageReply.parse((await callRoute('images', query)).body);
      expect(performance.now() - started).toBeLessThan(1100);
      expect(first.items).toHaveLength(5);
      expect(first.sources.find((source) => keyOf(source) === 'staging/eu-west-1')).toMatchObject({
        status: 'error',
        error: { code: 'UpstreamTimeout' },
      });
      expect(first.items.some((item) => item.AccountName === 'staging' && item.Region === 'eu-west-1')).toBe(false);
      await sleep(1300);
      const again = pageReply.parse((await callRoute('images', query)).body);
      expect(again.sources.every((source) => source.status === 'ok')).toBe(true);
    } finally {
      emulator.setFaults({});
    }
  }, 60_000);
});
