import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '@/lib/emulator';
import { sharedStore } from '@/lib/shared/store';
import { TestRedis } from '@/lib/shared/test-support/redis-server';
import { decodeCursor, encodeCursor, resetCursorsForTests } from './merge/cursor';
import { resetSourcePagesForTests } from './merge/source-pages';
import { resetCacheForTests } from './page-cache';
import { sageMakerCalls, stubProxyEnv } from './test-support/harness';
import { pageReply } from './test-support/replies';
import { callRoute } from './test-support/routes';
import { resetServerState } from './test-support/reset';

const ACCOUNTS = { prod: '111111111111', staging: '222222222222' } as const;
const role = (id: string) => `arn:aws:iam::${id}:role/CatalogReadOnly`;

let redis: TestRedis;
let emulator: RunningEmulator;
let sourcesFile: string;
let deployment = 0;

beforeAll(async () => {
  redis = await TestRedis.start();
  emulator = await startEmulator({ port: 0, scale: 'small', roles: Object.values(ACCOUNTS).map(role) });
  sourcesFile = join(mkdtempSync(join(tmpdir(), 'shared-merged-')), 'sources.json');
  writeFileSync(
    sourcesFile,
    JSON.stringify({
      regions: ['us-east-1', 'eu-west-1'],
      accounts: Object.entries(ACCOUNTS).map(([name, id]) => ({ name, roleArn: role(id) })),
    }),
  );
}, 60_000);

afterAll(async () => {
  await emulator?.close();
  await redis?.kill();
});

afterEach(() => {
  resetServerState();
  vi.unstubAllEnvs();
});

async function useSharedProxy(): Promise<void> {
  deployment += 1;
  stubProxyEnv({
    AWS_ENDPOINT_URL_SAGEMAKER: emulator.url,
    AWS_ENDPOINT_URL_STS: emulator.url,
    CATALOG_SOURCES_FILE: sourcesFile,
    CACHE_URL: redis.url,
    CACHE_PREFIX: `merged${deployment}`,
    PROXY_CACHE_TTL_MS: '600000',
  });
  const deadline = Date.now() + 10_000;
  while (sharedStore()?.state() !== 'shared') {
    if (Date.now() > deadline) throw new Error('the store did not connect');
    await sleep(20);
  }
}

/** Forgets every page, cursor and answer this process kept, as a request landing on another replica would. */
function anotherReplica(): void {
  resetCacheForTests();
  resetSourcePagesForTests();
  resetCursorsForTests();
}

/** Every page of the merged listing, each asked as if of another replica when `hop` is set. */
async function listAll(query: string, hop: boolean): Promise<{ arns: unknown[]; pages: number }> {
  const arns: unknown[] = [];
  let token: string | null = null;
  for (let pages = 1; pages < 200; pages += 1) {
    if (hop) anotherReplica();
    const params = new URLSearchParams(query);
    if (token !== null) params.set('NextToken', token);
    const reply = await callRoute('model-packages', params.toString());
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const page = pageReply.parse(reply.body);
    expect(page.sources.every((source) => source.status === 'ok')).toBe(true);
    arns.push(...page.items.map((item) => item.ModelPackageArn));
    token = page.nextToken;
    if (token === null) return { arns, pages };
  }
  throw new Error('the listing did not end');
}

describe('a merged listing across replicas (CACHE_URL)', () => {
  it('continues on any replica, and a second reader on other replicas makes no upstream call', async () => {
    await useSharedProxy();
    const first = await listAll('MaxResults=25', true);
    expect(first.pages).toBeGreaterThan(2);
    expect(new Set(first.arns).size).toBe(first.arns.length);

    const calls = sageMakerCalls(emulator);
    const second = await listAll('MaxResults=25', true);
    expect(second.arns).toEqual(first.arns);
    expect(sageMakerCalls(emulator)).toBe(calls);
  });

  it('reads a long cursor another replica stored', async () => {
    await useSharedProxy();
    const positions = Object.fromEntries(
      Array.from({ length: 8 }, (_, index) => [`source${index}`, { t: 'x'.repeat(1_000), s: 3 }]),
    );
    const cursor = { listing: 'l'.repeat(22), pageSize: 25, snapshot: 'abcdefghijklmnop', positions };
    const token = await encodeCursor(cursor);
    expect(token.startsWith('m1s.')).toBe(true);
    anotherReplica();
    expect(await decodeCursor(token, cursor.listing, Object.keys(positions))).toEqual(cursor);
  });
});
