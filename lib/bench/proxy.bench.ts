import { existsSync } from 'node:fs';
import { ListImagesCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { z } from 'zod';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY } from '@/lib/emulator';
import {
  BENCH_DIST_DIR,
  BENCH_REGION,
  buildNext,
  freePort,
  startEmulatorProcess,
  startNextServer,
  stopProcess,
  treeCpuSeconds,
} from './proxy-processes';
import { median, sequentialLatency, throughput, type LatencyRun } from './proxy-measure';
import { writeProxyResults, type ProxyFigures } from './proxy-report';

const ROUNDS = 3;
const LATENCY_REQUESTS = 300;
const THROUGHPUT_SECONDS = 5;
const CONNECTIONS = 10;
const EPOCH_2000 = 946_684_800;

const stats = z.object({ total: z.number() });

async function emulatorControl(url: string, path: string, body?: unknown): Promise<unknown> {
  const init =
    body === undefined
      ? {}
      : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
  const response = await fetch(`${url}/_emulator/${path}`, init);
  return response.json();
}

function summarize(runs: LatencyRun[]): LatencyRun {
  return {
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    cpuMsPerRequest: median(runs.map((run) => run.cpuMsPerRequest)),
  };
}

export default async function proxyBench(): Promise<void> {
  if (!process.argv.includes('--skip-build') || !existsSync(`${BENCH_DIST_DIR}/BUILD_ID`)) await buildNext();
  const emulatorUrl = `http://127.0.0.1:${await freePort()}`;
  const emulator = await startEmulatorProcess(Number(new URL(emulatorUrl).port));
  const proxyUrl = `http://127.0.0.1:${await freePort()}`;
  const server = await startNextServer(Number(new URL(proxyUrl).port), emulatorUrl);
  const serverPid = server.pid ?? 0;
  const client = new SageMakerClient({
    region: BENCH_REGION,
    endpoint: emulatorUrl,
    credentials: { accessKeyId: DEFAULT_ACCESS_KEY_ID, secretAccessKey: DEFAULT_SECRET_ACCESS_KEY },
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 3000,
      requestTimeout: 10_000,
      throwOnRequestTimeout: true,
    }),
  });
  const sdkCpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
  };
  try {
    const latency: ProxyFigures['latency'] = [];
    let serial = 0;
    for (const upstreamMs of [0, 20]) {
      await emulatorControl(emulatorUrl, 'faults', { latencyMs: upstreamMs });
      const proxyRuns: LatencyRun[] = [];
      const sdkRuns: LatencyRun[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const after = () => EPOCH_2000 + (serial += 1);
        sdkRuns.push(
          await sequentialLatency(
            LATENCY_REQUESTS,
            30,
            async () => {
              await client.send(new ListImagesCommand({ CreationTimeAfter: new Date(after() * 1000), MaxResults: 10 }));
            },
            sdkCpu,
          ),
        );
        proxyRuns.push(
          await sequentialLatency(
            LATENCY_REQUESTS,
            30,
            async () => {
              const response = await fetch(`${proxyUrl}/api/images?CreationTimeAfter=${after()}&MaxResults=10`);
              if (response.status !== 200)
                throw new Error(`proxy answered ${response.status}: ${await response.text()}`);
              await response.arrayBuffer();
            },
            () => treeCpuSeconds(serverPid),
          ),
        );
      }
      latency.push({ upstreamMs, proxy: summarize(proxyRuns), sdk: summarize(sdkRuns) });
    }
    await emulatorControl(emulatorUrl, 'faults', { latencyMs: 0 });
    const healthRuns: LatencyRun[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      healthRuns.push(
        await sequentialLatency(
          LATENCY_REQUESTS,
          30,
          async () => {
            await (await fetch(`${proxyUrl}/api/health`)).arrayBuffer();
          },
          () => treeCpuSeconds(serverPid),
        ),
      );
    }

    const cachedRps: number[] = [];
    const healthRps: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const cached = await throughput(`${proxyUrl}/api/images?MaxResults=10`, CONNECTIONS, THROUGHPUT_SECONDS);
      const health = await throughput(`${proxyUrl}/api/health`, CONNECTIONS, THROUGHPUT_SECONDS);
      if (cached.non2xx + health.non2xx > 0) throw new Error('non-2xx answers during the throughput run');
      cachedRps.push(cached.rps);
      healthRps.push(health.rps);
    }

    const upstreamCalls: number[] = [];
    await emulatorControl(emulatorUrl, 'faults', { latencyMs: 20 });
    for (let round = 0; round < ROUNDS; round += 1) {
      const before = stats.parse(await emulatorControl(emulatorUrl, 'stats')).total;
      const url = `${proxyUrl}/api/model-packages?ModelPackageType=Both&MaxResults=${20 + round}`;
      const replies = await Promise.all(
        Array.from({ length: 100 }, () => fetch(url).then((response) => response.status)),
      );
      if (replies.some((status) => status !== 200)) throw new Error('non-200 answer in the coalescing run');
      upstreamCalls.push(stats.parse(await emulatorControl(emulatorUrl, 'stats')).total - before);
    }

    const figures: ProxyFigures = { latency, health: summarize(healthRuns), cachedRps, healthRps, upstreamCalls };
    console.log(
      writeProxyResults(figures, {
        rounds: ROUNDS,
        latencyRequests: LATENCY_REQUESTS,
        seconds: THROUGHPUT_SECONDS,
        connections: CONNECTIONS,
      }),
    );
  } finally {
    client.destroy();
    await stopProcess(server);
    await stopProcess(emulator);
  }
}
