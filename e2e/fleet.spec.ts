import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import {
  busiestSecond as busiestSecondOf,
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_SECRET_ACCESS_KEY,
  sageMakerCallCount,
  type EmulatorStats,
} from '@/lib/emulator';
import { freePort, TestRedis } from '@/lib/shared/test-support/redis-server';

/**
 * Two `next start` replicas of this build on one Redis and one emulator, as behind a load balancer: they share
 * the cache, the calls in flight and the upstream rate budget (UPSTREAM_MAX_RPS=10).
 */
const MAX_RPS = 10;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Replica {
  url: string;
  process: ChildProcess;
  log: string[];
}

let redis: TestRedis;
/** The emulator runs in a process of its own, so the times it records calls at are not this busy runner's. */
let emulator: { url: string; process: ChildProcess };
let replicas: [Replica, Replica];

test.describe.configure({ mode: 'serial' });

async function startEmulatorProcess(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const env = { ...process.env, EMULATOR_PORT: String(port), EMULATOR_SEED: '42', EMULATOR_SCALE: 'small' };
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'lib/emulator/cli.ts'], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  await expect
    .poll(
      () =>
        fetch(`${url}/_emulator/stats`).then(
          (response) => response.status,
          () => 0,
        ),
      { timeout: 30_000 },
    )
    .toBe(200);
  return { url, process: child };
}

async function stats(): Promise<EmulatorStats> {
  return (await (await fetch(`${emulator.url}/_emulator/stats`)).json()) as EmulatorStats;
}

async function startReplica(env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  // Lower priority than the emulator, which stands in for AWS on machines of its own: on a small machine the
  // replicas' CPU would otherwise delay when the emulator clocks calls in, and the count per second with it.
  const child = spawn(
    'nice',
    [
      '-n',
      '10',
      process.execPath,
      'node_modules/next/dist/bin/next',
      'start',
      '--port',
      String(port),
      '--hostname',
      '127.0.0.1',
    ],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  return { url: `http://127.0.0.1:${port}`, process: child, log };
}

async function readiness(replica: Replica): Promise<{ status?: string; shared?: string }> {
  try {
    return (await (await fetch(`${replica.url}/api/ready`)).json()) as { status?: string; shared?: string };
  } catch {
    return {};
  }
}

async function untilShared(state: 'shared' | 'unavailable'): Promise<void> {
  await expect
    .poll(async () => (await Promise.all(replicas.map(readiness))).map((body) => body.shared), {
      timeout: 60_000,
      message: `both replicas say "${state}"; their output: ${replicas.map((replica) => replica.log.join('')).join('\n')}`,
    })
    .toEqual([state, state]);
}

/** SageMaker calls the emulator answered so far, leaving out STS. */
async function sageMakerCalls(): Promise<number> {
  return sageMakerCallCount(await stats());
}

/** The most SageMaker calls that arrived within any one second. */
async function busiestSecond(): Promise<number> {
  return busiestSecondOf(await stats());
}

async function get(replica: Replica, path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${replica.url}${path}`);
  return { status: response.status, body: await response.text() };
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  redis = await TestRedis.start();
  emulator = await startEmulatorProcess();
  const env = {
    AWS_ENDPOINT_URL_SAGEMAKER: emulator.url,
    AWS_ENDPOINT_URL_STS: emulator.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: DEFAULT_SECRET_ACCESS_KEY,
    AWS_SESSION_TOKEN: '',
    AWS_PROFILE: '',
    CACHE_URL: redis.url,
    CACHE_PREFIX: 'e2e-fleet',
    PROXY_CACHE_TTL_MS: '60000',
    UPSTREAM_MAX_RPS: String(MAX_RPS),
    UPSTREAM_BUDGET_WAIT_MS: '2000',
    PROXY_LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  replicas = [await startReplica(env), await startReplica(env)];
  await untilShared('shared');
  // As a load balancer's health checks would, warm both replicas' routes before they are measured.
  for (const replica of replicas) {
    await get(replica, '/api/images?MaxResults=1');
    await get(replica, '/api/model-packages?MaxResults=1');
  }
});

test.afterAll(async () => {
  for (const replica of replicas ?? []) replica.process.kill('SIGTERM');
  emulator?.process.kill('SIGTERM');
  await redis?.kill();
});

test('100 concurrent identical requests spread over both replicas make one upstream call', async () => {
  const before = await sageMakerCalls();
  const answers = await Promise.all(
    Array.from({ length: 100 }, (_, index) =>
      get(replicas[index % 2] as Replica, '/api/images?MaxResults=7&SortBy=CREATION_TIME&SortOrder=ASCENDING'),
    ),
  );
  expect(
    answers.map((answer) => answer.status),
    answers[0]?.body,
  ).toEqual(Array.from({ length: 100 }, () => 200));
  expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
  expect((await sageMakerCalls()) - before).toBe(1);
});

test('a request to replica B after replica A has the answer makes no upstream call, in the API and the page', async ({
  page,
}) => {
  const [a, b] = replicas;
  const first = await get(a, '/api/model-packages?MaxResults=9&SortBy=CreationTime&SortOrder=Ascending');
  expect(first.status).toBe(200);
  const before = await sageMakerCalls();
  const second = await get(b, '/api/model-packages?MaxResults=9&SortBy=CreationTime&SortOrder=Ascending');
  expect(second).toEqual(first);
  expect(await sageMakerCalls()).toBe(before);

  // A runbook link opened on A, then on B: B renders the same first rows from the shared cache.
  await page.goto(`${a.url}/images?name=b`);
  await expect(page.locator('tbody tr[data-row-id]').first()).toBeVisible();
  const afterA = await sageMakerCalls();
  await page.goto(`${b.url}/images?name=b`);
  await expect(page.locator('tbody tr[data-row-id]').first()).toBeVisible();
  expect(await sageMakerCalls()).toBe(afterA);
});

test('Redis killed mid-run: no 5xx, each replica says so, and they share again once it is back', async () => {
  const statuses: number[] = [];
  let stop = false;
  // Distinct requests, a few a second (within the budget): each is a miss that goes through the shared store, or,
  // while it is down, upstream from the replica alone.
  const traffic = (async () => {
    for (let index = 0; !stop; index += 1) {
      const answer = await get(
        replicas[index % 2] as Replica,
        `/api/images?SortBy=CREATION_TIME&SortOrder=DESCENDING&MaxResults=${index + 1}`,
      );
      statuses.push(answer.status);
      await sleep(150);
    }
  })();
  await sleep(600);
  await redis.kill();
  await untilShared('unavailable');
  const down = await sageMakerCalls();
  await sleep(900);
  const duringOutage = (await sageMakerCalls()) - down;
  await redis.restart();
  await untilShared('shared');
  await sleep(300);
  stop = true;
  await traffic;
  expect(statuses.length).toBeGreaterThan(10);
  expect(statuses.filter((status) => status !== 200)).toEqual([]);
  expect(duringOutage, 'the replicas went on calling upstream while Redis was down').toBeGreaterThan(2);

  const before = await sageMakerCalls();
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, index) => get(replicas[index % 2] as Replica, '/api/images?MaxResults=99')),
  );
  expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 20 }, () => 200));
  expect((await sageMakerCalls()) - before).toBe(1);
});

test(`a burst of 300 distinct requests across both stays within ${MAX_RPS} upstream calls in any second, with no 5xx`, async () => {
  await sleep(1_200);
  await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' });
  const answers = await Promise.all(
    Array.from({ length: 300 }, (_, index) =>
      get(replicas[index % 2] as Replica, `/api/images?NameContains=burst${index}&MaxResults=3`),
    ),
  );
  const statuses = answers.map((answer) => answer.status);
  expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
  expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(MAX_RPS);
  expect(await sageMakerCalls()).toBeGreaterThanOrEqual(MAX_RPS);
  expect(await busiestSecond()).toBeLessThanOrEqual(MAX_RPS);
});
