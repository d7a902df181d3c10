import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4610);

function chromiumPath(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return configured;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export const e2eEnv = {
  appUrl: `http://127.0.0.1:${APP_PORT}`,
  emulatorUrl: `http://127.0.0.1:${EMULATOR_PORT}`,
};

export default defineConfig({
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
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `node_modules/.bin/tsx lib/emulator/dev.ts start --port ${APP_PORT} --hostname 127.0.0.1`,
    url: `${e2eEnv.appUrl}/api/health`,
    cwd: '..',
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    env: {
      EMULATOR_PORT: String(EMULATOR_PORT),
      EMULATOR_SEED: '42',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
