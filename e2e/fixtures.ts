import { test as base, expect, type APIRequestContext } from '@playwright/test';
import type { ProjectOptions } from './playwright.config';

export interface Faults {
  latencyMs?: number | [number, number];
  throttleRate?: number;
  errorRate?: number;
  operations?: string[];
  onlyWithNextToken?: boolean;
  denyOperations?: string[];
  /** Only these catalogs (12-digit account ids, regions) get the latency and failures. */
  accounts?: string[];
  regions?: string[];
}

/** Items for `POST /_emulator/items`, in the emulator data file's shapes. */
export interface AddedItems {
  region: string;
  accountId?: string;
  Images?: Record<string, unknown>[];
  ImageVersions?: Record<string, Record<string, unknown>[]>;
  ModelPackages?: Record<string, unknown>[];
  ModelPackageGroups?: Record<string, unknown>[];
}

export class EmulatorControl {
  constructor(
    private readonly request: APIRequestContext,
    readonly url: string,
  ) {}

  async setFaults(faults: Faults): Promise<void> {
    const response = await this.request.post(`${this.url}/_emulator/faults`, { data: faults });
    expect(response.ok(), await response.text()).toBe(true);
  }

  /**
   * Adds items to the running emulator's catalog; they stay until it stops, so tests name them apart from other
   * tests' items. An item with the identity of one already there replaces it.
   */
  async addItems(items: AddedItems): Promise<void> {
    const response = await this.request.post(`${this.url}/_emulator/items`, { data: items });
    expect(response.ok(), await response.text()).toBe(true);
  }

  async reset(): Promise<void> {
    const response = await this.request.post(`${this.url}/_emulator/reset`);
    expect(response.ok(), await response.text()).toBe(true);
  }
}

export class ConsoleLog {
  readonly problems: string[] = [];
  private readonly allowed: RegExp[] = [];

  /** Announce a console message the test expects, such as the browser's log line for an injected 5xx. */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  unexpected(): string[] {
    return this.problems.filter((problem) => !this.allowed.some((pattern) => pattern.test(problem)));
  }
}

interface Fixtures extends ProjectOptions {
  emulator: EmulatorControl;
  consoleLog: ConsoleLog;
  consoleGuard: void;
}

/** Fails any test on a console error or page error it did not announce; resets emulator faults after each test. */
export const test = base.extend<Fixtures>({
  emulatorUrl: ['', { option: true }],
  merged: [false, { option: true }],
  emulator: async ({ request, emulatorUrl }, provide) => {
    const control = new EmulatorControl(request, emulatorUrl);
    await provide(control);
    await control.reset();
  },
  consoleLog: async ({}, provide) => {
    await provide(new ConsoleLog());
  },
  consoleGuard: [
    async ({ page, consoleLog }, provide) => {
      page.on('console', (message) => {
        if (message.type() === 'error') consoleLog.problems.push(`console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => consoleLog.problems.push(`pageerror: ${error.message}`));
      await provide();
      expect(consoleLog.unexpected(), 'console errors or page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
