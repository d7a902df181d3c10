import { vi } from 'vitest';
import {
  busiestSecond as busiestSecondOf,
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_SECRET_ACCESS_KEY,
  sageMakerCallCount,
  sageMakerOperations as operationsOf,
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '@/lib/emulator';
import { resetServerState } from './reset';

export const TEST_REGION = 'us-east-1';

/** Sets the variables the proxy and the SDK read, isolated from any profile on the machine. */
export function stubProxyEnv(env: Record<string, string | undefined>): void {
  const base: Record<string, string | undefined> = {
    AWS_REGION: TEST_REGION,
    AWS_DEFAULT_REGION: undefined,
    AWS_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: DEFAULT_SECRET_ACCESS_KEY,
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_ENDPOINT_URL: undefined,
    AWS_ENDPOINT_URL_STS: undefined,
    CATALOG_SOURCES_FILE: undefined,
    CATALOG_REGIONS: undefined,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    PROXY_LOG_LEVEL: 'silent',
    CACHE_URL: undefined,
    UPSTREAM_MAX_RPS: undefined,
  };
  for (const [name, value] of Object.entries({ ...base, ...env })) vi.stubEnv(name, value);
  resetServerState();
}

export async function startProxyWithEmulator(
  options: EmulatorOptions = {},
  env: Record<string, string | undefined> = {},
): Promise<RunningEmulator> {
  const emulator = await startEmulator({ port: 0, scale: 'small', ...options });
  stubProxyEnv({ AWS_ENDPOINT_URL_SAGEMAKER: emulator.url, AWS_ENDPOINT_URL_STS: emulator.url, ...env });
  return emulator;
}

export async function stopProxyAndEmulator(emulator: RunningEmulator | undefined): Promise<void> {
  resetServerState();
  vi.unstubAllEnvs();
  await emulator?.close();
}

/** SageMaker calls the emulator answered, leaving out STS (the proxy learns its account id once). */
export function sageMakerCalls(emulator: RunningEmulator | undefined): number {
  return emulator === undefined ? 0 : sageMakerCallCount(emulator.stats());
}

/** The SageMaker operations the emulator answered and how often, leaving out STS. */
export function sageMakerOperations(emulator: RunningEmulator): Record<string, number> {
  return operationsOf(emulator.stats());
}

/** The most calls of `operation` that arrived at the emulator within any one second. */
export function busiestSecond(running: RunningEmulator, operation: string): number {
  return busiestSecondOf(running.stats(), operation);
}
