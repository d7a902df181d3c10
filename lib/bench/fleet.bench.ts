import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { z } from 'zod';
import { TestRedis } from '@/lib/shared/test-support/redis-server';
import { median } from './proxy-measure';
import { buildNext, freePort, startEmulatorProcess, startNextServer, stopProcess } from './proxy-processes';

/** Distinct requests per fleet, each asked this many times at once, spread over the replicas. */
const DISTINCT = 40;
const COPIES = 12;
/** Keys for the shared-hit vs local-hit latency, each read once through A, then twice through B. */
const LATENCY_KEYS = 300;
const ROUNDS = 3;

const stats = z.object({ byOperation: z.record(z.string(), z.number()) });

async function listCalls(emulatorUrl: string): Promise<number> {
  const body = stats.parse(await (await fetch(`${emulatorUrl}/_emulator/stats`)).json());
  return body.byOperation.ListImages ?? 0;
}

async function ok(url: string): Promise<void> {
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
}

interface Fleet {
  urls: string[];
  stop: () => Promise<void>;
}

async function startFleet(replicas: number, emulatorUrl: string, env: Record<string, string>): Promise<Fleet> {
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  for (let index = 0; index < replicas; index += 1) {
    const port = await freePort();
    children.push(await startNextServer(port, emulatorUrl, { PROXY_CACHE_TTL_MS: '600000', ...env }));
    urls.push(`http://127.0.0.1:${port}`);
  }
  if (env.CACHE_URL !== undefined) {
    for (const url of urls) {
      for (let tries = 0; ; tries += 1) {
        const ready = (await (await fetch(`${url}/api/ready`)).json()) as { shared?: string };
        if (ready.shared === 'shared') break;
        if (tries > 100) throw new Error(`${url} does not share its cache`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
  // As a load balancer's health checks would, warm every replica's route before it is measured.
  for (const url of urls) await ok(`${url}/api/images?MaxResults=1`);
  return { urls, stop: async () => void (await Promise.all(children.map(stopProcess))) };
}

/** Upstream calls per distinct request when each is asked COPIES times at once over the fleet's replicas. */
async function callsPerDistinct(fleet: Fleet, emulatorUrl: string, tag: string): Promise<number> {
  const before = await listCalls(emulatorUrl);
  const requests = [];
  for (let key = 0; key < DISTINCT; key += 1) {
    for (let copy = 0; copy < COPIES; copy += 1) {
      const url = fleet.urls[(key + copy) % fleet.urls.length] as string;
      requests.push(ok(`${url}/api/images?MaxResults=${key + 1}&CreationTimeBefore=${tag}`));
    }
  }
  await Promise.all(requests);
  return ((await listCalls(emulatorUrl)) - before) / DISTINCT;
}

async function timed(url: string): Promise<number> {
  const started = performance.now();
  await ok(url);
  return performance.now() - started;
}

/**
 * Median ms of a hit B serves from the shared store (A answered it) and of a hit from B's own cache. After each
 * fill through A, B answers one of each, in turns first or second, so neither gains from B being warmer.
 */
async function hitLatency(fleet: Fleet, tag: string): Promise<{ shared: number; local: number }> {
  const [a, b] = fleet.urls as [string, string];
  const shared: number[] = [];
  const local: number[] = [];
  const path = (key: number) => `/api/images?MaxResults=${(key % 50) + 1}&NameContains=${tag}${Math.floor(key / 50)}`;
  await ok(`${a}${path(0)}`);
  await ok(`${b}${path(0)}`);
  for (let key = 1; key <= LATENCY_KEYS; key += 1) {
    await ok(`${a}${path(key)}`);
    if (key % 2 === 0) {
      shared.push(await timed(`${b}${path(key)}`));
      local.push(await timed(`${b}${path(key - 1)}`));
    } else {
      local.push(await timed(`${b}${path(key - 1)}`));
      shared.push(await timed(`${b}${path(key)}`));
    }
  }
  return { shared: median(shared), local: median(local) };
}

interface Round {
  two: number;
  four: number;
  twoLocal: number;
  shared: number;
  local: number;
}

export default async function run(): Promise<void> {
  await buildNext();
  const redis = await TestRedis.start();
  const emulatorPort = await freePort();
  const emulator = await startEmulatorProcess(emulatorPort);
  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  const rounds: Round[] = [];
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      const tag = (replicas: number) => new Date(Date.UTC(2030, round, replicas)).toISOString();
      const shared = (prefix: string) => ({ CACHE_URL: redis.url, CACHE_PREFIX: `bench-${round}-${prefix}` });

      const four = await startFleet(4, emulatorUrl, shared('four'));
      const fourCalls = await callsPerDistinct(four, emulatorUrl, tag(4));
      await four.stop();

      const two = await startFleet(2, emulatorUrl, shared('two'));
      const twoCalls = await callsPerDistinct(two, emulatorUrl, tag(2));
      const latency = await hitLatency(two, `r${round}k`);
      await two.stop();

      const alone = await startFleet(2, emulatorUrl, {});
      const aloneCalls = await callsPerDistinct(alone, emulatorUrl, tag(1));
      await alone.stop();

      rounds.push({ two: twoCalls, four: fourCalls, twoLocal: aloneCalls, ...latency });
      console.log(`round ${round + 1}:`, rounds.at(-1));
    }
  } finally {
    await stopProcess(emulator);
    await redis.kill();
  }
  console.log(writeFleetResults(rounds));
}

function writeFleetResults(rounds: Round[]): string {
  const fixed = (value: number, digits = 2) => value.toFixed(digits);
  const shared = median(rounds.map((round) => round.shared));
  const local = median(rounds.map((round) => round.local));
  const text = [
    '# Several replicas on one Redis: benchmark results',
    '',
    `Run: ${new Date().toISOString()} · machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), ` +
      `${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM · Node ${process.version} · \`next start\` (production build in \`.next-bench\`), ` +
      "Debian's redis-server 7 on loopback.",
    'Other engineers use the same 2-core machine, so the latencies are medians, and every figure comes from the same run.',
    '',
    `## Upstream calls per distinct request (${DISTINCT} distinct requests, each asked ${COPIES} times at once over the replicas)`,
    '',
    '| round | 2 replicas, shared | 4 replicas, shared | 2 replicas, no CACHE_URL |',
    '|---|---|---|---|',
    ...rounds.map(
      (round, index) => `| ${index + 1} | ${fixed(round.two)} | ${fixed(round.four)} | ${fixed(round.twoLocal)} |`,
    ),
    '',
    `Median: **${fixed(median(rounds.map((round) => round.two)))}** with 2 replicas and ` +
      `**${fixed(median(rounds.map((round) => round.four)))}** with 4 (goal 1.0); ` +
      `${fixed(median(rounds.map((round) => round.twoLocal)))} with 2 replicas that share nothing.`,
    '',
    `## A hit from the shared cache vs a hit from the replica's own cache (${LATENCY_KEYS} keys per round)`,
    '',
    '| round | shared hit p50 (ms) | local hit p50 (ms) | difference |',
    '|---|---|---|---|',
    ...rounds.map(
      (round, index) =>
        `| ${index + 1} | ${fixed(round.shared)} | ${fixed(round.local)} | +${fixed(round.shared - round.local)} ms |`,
    ),
    '',
    `Median of the rounds: shared **${fixed(shared)} ms**, local **${fixed(local)} ms**: ` +
      `**+${fixed(shared - local)} ms** (goal ≤ +1 ms).`,
    '',
    '## Method',
    '',
    '- One emulator process (`tsx lib/emulator/cli.ts`, scale medium, no added latency), one `redis-server` ' +
      '(`--save ""`), and 2 or 4 `next start` replicas of the same build with `CACHE_URL` and a prefix of their own, ' +
      'each asked once for `/api/images` before it is measured; then 2 replicas without `CACHE_URL` for comparison.',
    `- Calls: ${DISTINCT} distinct \`/api/images\` requests (each its own \`MaxResults\`, and a \`CreationTimeBefore\` no ` +
      `other round used), each sent ${COPIES} times at once, round-robin over the replicas; calls are the emulator's count ` +
      'of ListImages, divided by the distinct requests.',
    `- Hits: for each of ${LATENCY_KEYS} distinct requests, one GET to replica A (which calls upstream and fills the ` +
      'shared cache), then two to replica B in turns of either order: the new request, a hit from Redis, and the ' +
      "previous one, a hit from B's own cache. Each latency is the whole HTTP request from the bench process, " +
      'keep-alive, on loopback.',
    '',
  ].join('\n');
  writeFileSync(fileURLToPath(new URL('./fleet-results.md', import.meta.url)), text);
  return text;
}
