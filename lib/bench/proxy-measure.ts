import { spawn } from 'node:child_process';
import { z } from 'zod';

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export interface LatencyRun {
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
}

/** Runs `call` sequentially `count` times after `warmup` calls; latency in ms, CPU as measured by `cpuSeconds`. */
export async function sequentialLatency(
  count: number,
  warmup: number,
  call: (index: number) => Promise<void>,
  cpuSeconds: () => number,
): Promise<LatencyRun> {
  for (let index = 0; index < warmup; index += 1) await call(-1 - index);
  const samples: number[] = [];
  const cpuBefore = cpuSeconds();
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    await call(index);
    samples.push(performance.now() - started);
  }
  const cpuMsPerRequest = ((cpuSeconds() - cpuBefore) * 1000) / count;
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), cpuMsPerRequest };
}

const autocannonResult = z.object({
  requests: z.object({ average: z.number(), total: z.number() }),
  latency: z.object({ p50: z.number(), p99: z.number() }),
  non2xx: z.number(),
  errors: z.number(),
});

/** Requests per second of `url` with autocannon's CLI (bounded by connections and seconds). */
export function throughput(
  url: string,
  connections: number,
  seconds: number,
): Promise<{ rps: number; non2xx: number }> {
  const args = ['node_modules/autocannon/autocannon.js', '-c', String(connections), '-d', String(seconds), '-j', url];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const result = autocannonResult.parse(JSON.parse(output));
      resolve({ rps: result.requests.average, non2xx: result.non2xx + result.errors });
    });
  });
}
