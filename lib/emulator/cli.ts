import { DEFAULT_ACCESS_KEY_ID, deriveAccountId, emulatorOptionsFromEnv, startEmulator } from './index';

async function main(): Promise<void> {
  const options = emulatorOptionsFromEnv(process.env);
  const emulator = await startEmulator(options);
  const accessKeyId = options.accessKeyId ?? DEFAULT_ACCESS_KEY_ID;
  console.log(
    `SageMaker emulator listening on ${emulator.url} (access key ${accessKeyId}, account ${deriveAccountId(accessKeyId)}, ` +
      `${options.dataFile ? `data ${options.dataFile}` : `scale ${options.scale ?? 'medium'}, seed ${options.seed ?? 42}`}, ` +
      `paging ${options.paging ?? 'scan'}). Ctrl-C stops it.`,
  );
  const stop = (signal: NodeJS.Signals) => {
    console.log(`Received ${signal}, stopping the emulator.`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Failed to stop the emulator cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
