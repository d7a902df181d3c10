import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as readyRoute from '@/app/api/ready/route';
import type { RunningEmulator } from '@/lib/emulator';
import { renderMetrics } from '@/lib/observability/metrics';
import { OFFLINE, SharedStore, sharedStore } from '@/lib/shared/store';
import { TestRedis } from '@/lib/shared/test-support/redis-server';
import { resetCacheForTests } from './page-cache';
import { resetReadinessForTests } from './readiness';
import { busiestSecond, sageMakerCalls, startProxyWithEmulator, stopProxyAndEmulator } from './test-support/harness';
import { callRoute } from './test-support/routes';

let redis: TestRedis;
let emulator: RunningEmulator | undefined;
let deployment = 0;

beforeAll(async () => {
  redis = await TestRedis.start();
});

afterAll(async () => {
  await redis.kill();
});

afterEach(async () => {
  await stopProxyAndEmulator(emulator);
  emulator = undefined;
});

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(20);
  }
}

/** The proxy on the emulator with CACHE_URL set, its store connected, under a prefix of its own. */
async function startShared(env: Record<string, string> = {}): Promise<void> {
  deployment += 1;
  emulator = await startProxyWithEmulator({}, { CACHE_URL: redis.url, CACHE_PREFIX: `deploy${deployment}`, ...env });
  await until(() => sharedStore()?.state() === 'shared', 'the store is connected');
}

async function readyBody(): Promise<Record<string, unknown>> {
  resetReadinessForTests();
  return (await (await readyRoute.GET()).json()) as Record<string, unknown>;
}

async function metric(name: string): Promise<string | undefined> {
  const { body } = await renderMetrics();
  return new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(body)?.[1];
}

function arns(body: unknown): unknown[] {
  const items = (body as { items?: { ImageArn?: unknown }[] }).items ?? [];
  return items.map((item) => item.ImageArn);
}

describe('the shared store behind the list routes (CACHE_URL)', () => {
  it('answers a request from the shared cache once this process has forgotten it', async () => {
    await startShared();
    const first = await callRoute('images', 'MaxResults=5');
    expect(first.status).toBe(200);
    const calls = sageMakerCalls(emulator);
    expect(calls).toBe(1);

    // Another replica, as far as the cache goes: nothing kept in this process.
    resetCacheForTests();
    const again = await callRoute('images', 'MaxResults=5');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(sageMakerCalls(emulator)).toBe(calls);
  });

  it('replaces a value it cannot read with a fresh answer, which the fleet then reads', async () => {
    await startShared();
    const first = await callRoute('images', 'MaxResults=6');
    const store = sharedStore();
    if (store === undefined) throw new Error('no shared store');
    const keys = await store.run('keys', (client) => client.keys(store.key('cache', '*')));
    if (keys === OFFLINE) throw new Error('the store went away');
    expect(keys).toHaveLength(1);
    const [key = ''] = keys;
    await store.run('corrupt', (client) => client.set(key, 'not what the cache writes', { PX: 60_000 }));

    resetCacheForTests();
    const again = await callRoute('images', 'MaxResults=6');
    expect(again.status).toBe(200);
    expect(arns(again.body)).toEqual(arns(first.body));
    expect(sageMakerCalls(emulator)).toBe(2);
    const kept = await store.run('read', (client) => client.get(key));
    expect(typeof kept === 'string' && kept.startsWith('{')).toBe(true);

    resetCacheForTests();
    expect((await callRoute('images', 'MaxResults=6')).body).toEqual(again.body);
    expect(sageMakerCalls(emulator)).toBe(2);
  });

  it('keeps deployments with other prefixes apart', async () => {
    await startShared();
    await callRoute('images', 'MaxResults=4');
    const before = sageMakerCalls(emulator);
    await stopProxyAndEmulator(emulator);
    await startShared();
    resetCacheForTests();
    await callRoute('images', 'MaxResults=4');
    expect(sageMakerCalls(emulator)).toBe(1);
    expect(before).toBe(1);
  });

  it('says in /api/ready and the metrics whether the store answers, and serves either way', async () => {
    await startShared();
    expect(await readyBody()).toMatchObject({ status: 'ready', shared: 'shared' });
    expect(await metric('dashboard_shared_store_up')).toBe('1');

    await redis.kill();
    await until(() => sharedStore()?.state() === 'unavailable', 'the store is seen gone');
    resetCacheForTests();
    const during = await Promise.all([callRoute('images', 'MaxResults=3'), callRoute('images', 'MaxResults=2')]);
    expect(during.map((reply) => reply.status)).toEqual([200, 200]);
    expect(await readyBody()).toMatchObject({ status: 'ready', shared: 'unavailable' });
    expect(await metric('dashboard_shared_store_up')).toBe('0');
    expect(Number(await metric('dashboard_shared_store_fallbacks_total'))).toBeGreaterThan(0);

    await redis.restart();
    await until(() => sharedStore()?.state() === 'shared', 'the store is back');
    expect(await readyBody()).toMatchObject({ status: 'ready', shared: 'shared' });
  });

  it("holds a burst to the fleet's budget in the store, and never answers 5xx", async () => {
    await startShared({ UPSTREAM_MAX_RPS: '10', UPSTREAM_BUDGET_WAIT_MS: '1500' });
    const answers = await Promise.all(
      Array.from({ length: 80 }, (_, index) => callRoute('images', `NameContains=s${index}&MaxResults=5`)),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(busiestSecond(emulator as RunningEmulator, 'ListImages')).toBeLessThanOrEqual(10);
    const store = sharedStore();
    const kept = await store?.run('read', (client) => client.keys(store.key('budget', '*')));
    expect(kept).toEqual(expect.arrayContaining([expect.stringContaining(':budget:sends:')]));
  });

  it("holds this replica to its share of the fleet's budget while the store is away", async () => {
    await startShared({ UPSTREAM_MAX_RPS: '9', UPSTREAM_BUDGET_WAIT_MS: '1500' });
    const others = [1, 2].map(() => new SharedStore(redis.url, `deploy${deployment}`, 250));
    try {
      await until(() => sharedStore()?.fleetSize() === 3, 'three replicas are seen');
      await redis.kill();
      await until(() => sharedStore()?.state() === 'unavailable', 'the store is seen gone');
      emulator?.resetStats();
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, index) => callRoute('images', `NameContains=f${index}&MaxResults=5`)),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
      expect(busiestSecond(emulator as RunningEmulator, 'ListImages')).toBeLessThanOrEqual(3);
      expect(busiestSecond(emulator as RunningEmulator, 'ListImages')).toBeGreaterThan(0);
    } finally {
      await Promise.all(others.map((store) => store.close()));
      await redis.restart();
    }
  });

  it('leaves /api/ready as it was without CACHE_URL', async () => {
    emulator = await startProxyWithEmulator();
    expect(Object.keys(await readyBody()).sort()).toEqual(['latencyMs', 'status']);
  });
});
