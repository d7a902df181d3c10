import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY } from '@/lib/emulator';

export const BENCH_REGION = 'us-east-1';
export const BENCH_DIST_DIR = '.next-bench';
const CLOCK_TICKS_PER_SECOND = 100;

export { freePort } from '@/lib/shared/test-support/redis-server';

function run(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [command, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (response) => response.status < 500,
      () => false,
    );
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export function buildNext(): Promise<void> {
  const child = run('node_modules/next/dist/bin/next', ['build'], { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
  });
}

export async function startEmulatorProcess(port: number): Promise<ChildProcess> {
  const child = run('node_modules/tsx/dist/cli.mjs', ['lib/emulator/cli.ts'], {
    ...process.env,
    EMULATOR_PORT: String(port),
    EMULATOR_SCALE: 'medium',
  });
  await waitForHttp(`http://127.0.0.1:${port}/_emulator/stats`, 30_000);
  return child;
}

export async function startNextServer(
  port: number,
  emulatorUrl: string,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = run('node_modules/next/dist/bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    AWS_ENDPOINT_URL_SAGEMAKER: emulatorUrl,
    AWS_ENDPOINT_URL_STS: emulatorUrl,
    AWS_REGION: BENCH_REGION,
    AWS_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: DEFAULT_SECRET_ACCESS_KEY,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...env,
  });
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, 60_000);
  return child;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(5000)]);
}

function parentAndTicks(pid: number): { parent: number; ticks: number } | undefined {
  // A process can exit between listing /proc and reading its stat file; it then no longer counts.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** User + system CPU seconds of a process and all its descendants, from /proc. */
export function treeCpuSeconds(root: number): number {
  const processes = new Map<number, { parent: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = parentAndTicks(Number(entry));
    if (info !== undefined) processes.set(Number(entry), info);
  }
  const inTree = (pid: number): boolean => {
    for (let current = pid, hops = 0; hops < 64; hops += 1) {
      if (current === root) return true;
      const parent = processes.get(current)?.parent;
      if (parent === undefined || parent <= 1) return false;
      current = parent;
    }
    return false;
  };
  let ticks = 0;
  for (const [pid, info] of processes) if (inTree(pid)) ticks += info.ticks;
  return ticks / CLOCK_TICKS_PER_SECOND;
}
