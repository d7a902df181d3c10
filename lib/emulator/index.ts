import { fixedCatalog, generatedCatalogs, type CatalogProvider } from './catalog/catalog-provider';
import { catalogFromData, catalogFromFile } from './catalog/data-file';
import { resolveConfig, type EmulatorOptions } from './config';
import { FaultInjector, type FaultSettings } from './faults';
import { closeServer, listen } from './http/server';
import { CredentialStore } from './protocol/credentials';
import { NextTokenCodec } from './protocol/next-token';
import { StatsRecorder, type EmulatorStats } from './stats';

export {
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_EMULATOR_PORT,
  DEFAULT_SECRET_ACCESS_KEY,
  emulatorOptionsFromEnv,
  type EmulatorOptions,
} from './config';
export { busiestSecond, sageMakerCallCount, sageMakerOperations, type EmulatorStats } from './stats';
export type { FaultSettings } from './faults';
export type { DataFile } from './catalog/data-file';
export { deriveAccountId } from './protocol/credentials';

export interface RunningEmulator {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  stats(): EmulatorStats;
  setFaults(faults: FaultSettings): void;
  resetStats(): void;
  close(): Promise<void>;
}

function catalogsFor(
  options: EmulatorOptions,
  seed: number,
  now: () => number,
  scale: 'small' | 'medium' | 'large',
): CatalogProvider {
  if (options.data !== undefined) return fixedCatalog(catalogFromData(options.data, 'options.data'));
  if (options.dataFile !== undefined) return fixedCatalog(catalogFromFile(options.dataFile));
  return generatedCatalogs(seed, scale, now);
}

/** Starts the emulator; `port: 0` picks a free port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = resolveConfig(options);
  const stats = new StatsRecorder();
  const faults = new FaultInjector(config.faults, options.random);
  const { server, port } = await listen(
    {
      credentials: new CredentialStore(config.credentials),
      catalogs: catalogsFor(options, config.seed, config.now, config.scale),
      tokens: new NextTokenCodec(),
      faults,
      paging: config.paging,
      now: config.now,
      stats,
      pathPrefix: config.pathPrefix,
      roles: config.roles,
    },
    config.host,
    config.port,
  );
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    stats: () => stats.snapshot(),
    setFaults: (settings) => faults.set(settings),
    resetStats: () => stats.reset(),
    close: () => closeServer(server),
  };
}
