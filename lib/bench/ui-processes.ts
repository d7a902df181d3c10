import { spawn, type ChildProcess } from 'node:child_process';
import { waitForHttp } from './proxy-processes';

/** The emulator as its own process at the given scale (the row-count figures need `large`). */
export async function startScaledEmulator(port: number, scale: 'medium' | 'large'): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'lib/emulator/cli.ts'], {
    env: { ...process.env, EMULATOR_PORT: String(port), EMULATOR_SCALE: scale },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHttp(`http://127.0.0.1:${port}/_emulator/stats`, 30_000);
  return child;
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}
