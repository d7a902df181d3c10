import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY, emulatorOptionsFromEnv, startEmulator } from './index';

const NEXT_CLI = fileURLToPath(new URL('../../node_modules/next/dist/bin/next', import.meta.url));
const SIGNAL_EXIT_BASE = 128;

function nextArguments(argv: readonly string[]): string[] {
  const [first, ...rest] = argv;
  if (first === 'start' || first === 'dev') return [first, ...rest];
  return ['dev', ...argv];
}

async function main(): Promise<void> {
  const options = emulatorOptionsFromEnv(process.env);
  const emulator = await startEmulator(options);
  console.log(`SageMaker emulator listening on ${emulator.url}; starting Next.js against it.`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_ENDPOINT_URL_SAGEMAKER: emulator.url,
    AWS_ENDPOINT_URL_STS: emulator.url,
    AWS_REGION: process.env.AWS_REGION || 'us-east-1',
    AWS_ACCESS_KEY_ID: options.accessKeyId ?? DEFAULT_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: options.secretAccessKey ?? DEFAULT_SECRET_ACCESS_KEY,
  };
  delete env.AWS_SESSION_TOKEN;
  delete env.AWS_PROFILE;

  // The same Node binary runs Next, whatever `node` is first on PATH.
  const next = spawn(process.execPath, [NEXT_CLI, ...nextArguments(process.argv.slice(2))], { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => {
    if (next.exitCode === null && next.signalCode === null) next.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);

  next.on('error', (error) => {
    console.error(`Could not start ${NEXT_CLI}: ${error.message}`);
    emulator.close().finally(() => process.exit(1));
  });
  next.on('exit', (code, signal) => {
    const exitCode =
      code ?? (signal === 'SIGINT' ? SIGNAL_EXIT_BASE + 2 : signal === 'SIGTERM' ? SIGNAL_EXIT_BASE + 15 : 1);
    emulator.close().then(
      () => process.exit(exitCode),
      (error: unknown) => {
        console.error('Failed to stop the emulator cleanly:', error);
        process.exit(exitCode || 1);
      },
    );
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
