import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Each variable names the first of three consecutive ports. */
function portPair(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1024 || port > 65533) {
    throw new Error(`${name} must be a TCP port from 1024 to 65533, the first of three free ports (got "${raw}")`);
  }
  return port;
}

const APP_PORT = portPair('E2E_APP_PORT', 3100);
const EMULATOR_PORT = portPair('E2E_EMULATOR_PORT', 4610);

function chromiumPath(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return configured;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export const e2eEnv = {
  appUrl: `http://127.0.0.1:${APP_PORT}`,
  emulatorUrl: `http://127.0.0.1:${EMULATOR_PORT}`,
  /** The same build behind AUTH_MODE=header, as if an SSO proxy stood in front of it. */
  securedAppUrl: `http://127.0.0.1:${APP_PORT + 1}`,
  proxySecretHeader: 'x-auth-proxy-secret',
  proxySecret: 'e2e-shared-secret-0123456789',
  /** The same build over several accounts and regions (`e2e/data/sources.json`), one of which refuses its role. */
  mergedAppUrl: `http://127.0.0.1:${APP_PORT + 2}`,
  mergedEmulatorUrl: `http://127.0.0.1:${EMULATOR_PORT + 2}`,
  sourcesFile: 'e2e/data/sources.json',
  refusedRole: 'arn:aws:iam::333333333333:role/CatalogReadOnly',
  refusedAccount: 'legacy',
};

/** What a project changes for its tests: the emulator behind its dashboard, and whether it merges sources. */
export interface ProjectOptions {
  emulatorUrl: string;
  merged: boolean;
}

function appServer(appPort: number, emulatorPort: number, env: Record<string, string> = {}) {
  return {
    command: `"${process.execPath}" node_modules/tsx/dist/cli.mjs lib/emulator/dev.ts start --port ${appPort} --hostname 127.0.0.1`,
    url: `http://127.0.0.1:${appPort}/api/health`,
    cwd: '..',
    // Never test a server this run did not start: a busy port fails the run instead.
    reuseExistingServer: false,
    timeout: 120_000,
    // The server in UTC, so a browser in another zone (the time-zone tests) differs from it on every machine.
    env: {
      EMULATOR_PORT: String(emulatorPort),
      EMULATOR_SEED: '42',
      NEXT_TELEMETRY_DISABLED: '1',
      TZ: 'UTC',
      ...env,
    },
  };
}

export default defineConfig<ProjectOptions>({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '.results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: e2eEnv.appUrl,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: 'sources.spec.ts',
      use: { ...devices['Desktop Chrome'], emulatorUrl: e2eEnv.emulatorUrl, merged: false },
    },
    {
      name: 'merged',
      testMatch: ['tables.spec.ts', 'sources.spec.ts'],
      use: {
        ...devices['Desktop Chrome'],
        baseURL: e2eEnv.mergedAppUrl,
        emulatorUrl: e2eEnv.mergedEmulatorUrl,
        merged: true,
      },
    },
  ],
  webServer: [
    appServer(APP_PORT, EMULATOR_PORT),
    appServer(APP_PORT + 1, EMULATOR_PORT + 1, {
      AUTH_MODE: 'header',
      AUTH_HEADER_SECRET: e2eEnv.proxySecret,
      AUTH_HEADER_SECRET_NAME: e2eEnv.proxySecretHeader,
    }),
    appServer(APP_PORT + 2, EMULATOR_PORT + 2, {
      CATALOG_SOURCES_FILE: e2eEnv.sourcesFile,
      EMULATOR_ROLES: 'arn:aws:iam::111111111111:role/CatalogReadOnly,arn:aws:iam::222222222222:role/CatalogReadOnly',
    }),
  ],
});
