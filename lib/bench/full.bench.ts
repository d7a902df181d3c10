import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { BENCH_DIST_DIR, buildNext, freePort, startNextServer, stopProcess } from './proxy-processes';
import { startScaledEmulator } from './ui-processes';
import { writeFullResults, type Export, type FullFigures } from './full-report';
import { connectInspector } from './inspector';

const ROUNDS = 3;
const UPSTREAM_MS = 100;
const page = z.object({ items: z.array(z.object({ ModelPackageArn: z.string() })), nextToken: z.string().nullable() });
const exported = z.array(z.object({ ModelPackageArn: z.string() }));

async function control(url: string, path: string, body: unknown): Promise<void> {
  await fetch(`${url}/_emulator/${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
}

/** The listing as the table reads it: one page after another, following nextToken. */
async function sequential(appUrl: string, params: Record<string, string>): Promise<string[]> {
  const arns: string[] = [];
  let token: string | null = null;
  do {
    const query = new URLSearchParams({
      ...params,
      MaxResults: '100',
      ...(token === null ? {} : { NextToken: token }),
    });
    const response = await fetch(`${appUrl}/api/model-packages?${query}`);
    if (response.status !== 200) throw new Error(`the list route answered ${response.status}`);
    const answer = page.parse(await response.json());
    arns.push(...answer.items.map((item) => item.ModelPackageArn));
    token = answer.nextToken;
  } while (token !== null);
  return arns;
}

async function exportArns(appUrl: string, params: Record<string, string>): Promise<string[]> {
  const response = await fetch(
    `${appUrl}/api/model-packages/export?${new URLSearchParams({ ...params, format: 'json' })}`,
  );
  if (response.status !== 200) throw new Error(`the export answered ${response.status}`);
  return exported.parse(await response.json()).map((item) => item.ModelPackageArn);
}

function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
}

/** A server of the bench build with no cache, under the inspector when asked. */
async function benchServer(emulatorUrl: string, inspect: boolean) {
  const port = await freePort();
  const inspectPort = inspect ? await freePort() : undefined;
  const child = await startNextServer(port, emulatorUrl, {
    PROXY_CACHE_TTL_MS: '0',
    ...(inspectPort === undefined ? {} : { NODE_OPTIONS: `--inspect=127.0.0.1:${inspectPort}` }),
  });
  try {
    const inspector = inspectPort === undefined ? undefined : await connectInspector(inspectPort);
    return {
      appUrl: `http://127.0.0.1:${port}`,
      pid: child.pid ?? 0,
      inspector,
      async stop() {
        inspector?.close();
        await stopProcess(child);
      },
    };
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
}

/** Every package created after another instant than the measured exports', so V8 has met an export's allocations. */
async function streamAnotherExport(appUrl: string): Promise<void> {
  const other = new URLSearchParams({ ModelPackageType: 'Both', CreationTimeAfter: '946684000', format: 'csv' });
  await (await fetch(`${appUrl}/api/model-packages/export?${other}`)).arrayBuffer();
}

/**
 * Streams a CSV export of model packages to the end, and awaits `atEvery` each time `every` more rows have come
 * (the bench reading no further meanwhile, so the server waits).
 */
async function readExport(
  appUrl: string,
  params: Record<string, string>,
  every: number,
  atEvery: (rows: number) => Promise<void>,
): Promise<{ rows: number; bytes: number }> {
  const response = await fetch(
    `${appUrl}/api/model-packages/export?${new URLSearchParams({ ...params, format: 'csv' })}`,
  );
  let bytes = 0;
  // The header is a line of its own.
  let rows = -1;
  const reader = response.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (chunk === undefined || chunk.done) break;
    const before = rows;
    bytes += chunk.value.length;
    for (const byte of chunk.value) if (byte === 10) rows += 1;
    if (Math.floor(rows / every) > Math.floor(Math.max(before, 0) / every)) await atEvery(rows);
  }
  return { rows, bytes };
}

/** Rows between two full GCs when an export's growth is measured with its garbage collected as it goes. */
const COLLECT_EVERY = 2_000;

/**
 * The RSS growth of a fresh server while it streams one export to the bench: its RSS sampled every 20 ms, minus
 * its RSS once warmed up (a list call and a tiny export first, so both sizes start from the same state). A warm
 * server has also streamed a whole export of another range first, so V8 has already grown its young generation
 * to the allocation rate of an export, as a server that has run a while has. A collected one is warm and gets a
 * full GC (through the inspector) every `COLLECT_EVERY` rows: what is left of the growth then is what the export
 * keeps, and the time those collections take is what forcing them would cost.
 */
async function exportGrowth(
  emulatorUrl: string,
  params: Record<string, string>,
  kind: 'fresh' | 'warm' | 'collected',
): Promise<Export> {
  const server = await benchServer(emulatorUrl, kind === 'collected');
  const { appUrl, pid, inspector } = server;
  try {
    await (await fetch(`${appUrl}/api/model-packages?MaxResults=100`)).arrayBuffer();
    await (await fetch(`${appUrl}/api/images/export?format=csv`)).arrayBuffer();
    if (kind !== 'fresh') await streamAnotherExport(appUrl);
    await sleep(500);
    const baseline = rssBytes(pid);
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssBytes(pid));
    }, 20);
    const started = performance.now();
    let collectMs = 0;
    const { rows, bytes } = await readExport(appUrl, params, COLLECT_EVERY, async () => {
      if (inspector === undefined) return;
      const collecting = performance.now();
      await inspector.held();
      collectMs += performance.now() - collecting;
    });
    const ms = performance.now() - started;
    clearInterval(sampler);
    return { rows, bytes, growth: peak - baseline, ms, collectMs };
  } finally {
    await server.stop();
  }
}

/** Rows read between two looks at what the server holds while it streams the large export. */
const HELD_EVERY = 5_000;

/**
 * What a warm server holds while it streams every package: its reachable memory after a full GC (through the
 * inspector), before the export and every `HELD_EVERY` rows into it, the bench reading no further meanwhile.
 * Flat in the number of rows is the export's promise; what the RSS adds on top is garbage a GC has not taken yet.
 */
async function heldDuringExport(emulatorUrl: string, params: Record<string, string>) {
  const server = await benchServer(emulatorUrl, true);
  const { appUrl, inspector } = server;
  try {
    if (inspector === undefined) throw new Error('the server runs without its inspector');
    await streamAnotherExport(appUrl);
    const before = await inspector.held();
    const held: { rows: number; bytes: number }[] = [];
    const { rows } = await readExport(appUrl, params, HELD_EVERY, async (read) => {
      held.push({ rows: read, bytes: (await inspector.held()) - before });
    });
    return { rows, held };
  } finally {
    await server.stop();
  }
}

export default async function fullBench(): Promise<void> {
  if (!process.argv.includes('--skip-build') || !existsSync(`${BENCH_DIST_DIR}/BUILD_ID`)) await buildNext();
  const emulatorPort = await freePort();
  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  const emulator = await startScaledEmulator(emulatorPort, 'large');
  const appPort = await freePort();
  const app = await startNextServer(appPort, emulatorUrl, { PROXY_CACHE_TTL_MS: '0' });
  const appUrl = `http://127.0.0.1:${appPort}`;
  try {
    await control(emulatorUrl, 'faults', { latencyMs: UPSTREAM_MS });
    const listing: FullFigures['listing'] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Its own lower bound per round, so nothing is answered from a cache.
      const params = { ModelPackageType: 'Both', CreationTimeAfter: String(946_684_800 + round) };
      let started = performance.now();
      const oneByOne = await sequential(appUrl, params);
      const sequentialMs = performance.now() - started;
      started = performance.now();
      const parallel = await exportArns(appUrl, params);
      const parallelMs = performance.now() - started;
      const identical = oneByOne.length === parallel.length && oneByOne.every((arn, index) => arn === parallel[index]);
      if (!identical) throw new Error(`the parallel listing differs: ${parallel.length} vs ${oneByOne.length} rows`);
      listing.push({ rows: parallel.length, sequentialMs, parallelMs });
    }

    await control(emulatorUrl, 'faults', { latencyMs: 0 });
    const memory: FullFigures['memory'] = [];
    const warmMemory: FullFigures['memory'] = [];
    const collectedMemory: FullFigures['memory'] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // About a tenth of the packages: the last few months.
      const recent = String(Math.floor(Date.now() / 1000) - 120 * 86_400 + round);
      const smallParams = { ModelPackageType: 'Both', CreationTimeAfter: recent };
      const largeParams = { ModelPackageType: 'Both', CreationTimeAfter: String(946_684_800 + 10 + round) };
      for (const [server, into] of [
        ['fresh', memory],
        ['warm', warmMemory],
        ['collected', collectedMemory],
      ] as const) {
        const small = await exportGrowth(emulatorUrl, smallParams, server);
        const large = await exportGrowth(emulatorUrl, largeParams, server);
        into.push({ small, large });
      }
    }
    const held: FullFigures['held'] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      held.push(
        await heldDuringExport(emulatorUrl, {
          ModelPackageType: 'Both',
          CreationTimeAfter: String(946_684_820 + round),
        }),
      );
    }
    console.log(
      writeFullResults(
        { listing, memory, warmMemory, collectedMemory, held },
        { rounds: ROUNDS, upstreamMs: UPSTREAM_MS, collectEvery: COLLECT_EVERY },
      ),
    );
  } finally {
    await stopProcess(app);
    await stopProcess(emulator);
  }
}
