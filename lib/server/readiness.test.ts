import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import * as readyRoute from '@/app/api/ready/route';
import type { RunningEmulator } from '@/lib/emulator';
import { checkReadiness, resetReadinessForTests } from './readiness';
import { resetEnvForTests } from '@/lib/config/env';
import { startProxyWithEmulator, stopProxyAndEmulator, stubProxyEnv } from './test-support/harness';
import { callRoute } from './test-support/routes';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  resetReadinessForTests();
  resetEnvForTests();
  await stopProxyAndEmulator(emulator);
  emulator = undefined;
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('/api/ready', () => {
  it('stays ready while the probed listing fills its lane, and gives up on time', async () => {
    emulator = await startProxyWithEmulator({}, { SAGEMAKER_MAX_CONCURRENCY: '1', READY_TIMEOUT_MS: '400' });
    emulator.setFaults({ latencyMs: 1_500, operations: ['ListImages'], onlyWithNextToken: true });
    const busy = callRoute('images', 'MaxResults=2&NextToken=x');
    await sleep(50);
    expect((await readyRoute.GET()).status).toBe(200);
    resetReadinessForTests();
    emulator.setFaults({ latencyMs: 1_500, operations: ['ListImages'] });
    const started = performance.now();
    const slow = await readyRoute.GET();
    expect(slow.status).toBe(503);
    expect(await slow.json()).toMatchObject({ reason: expect.stringMatching(/^UpstreamTimeout/) });
    expect(performance.now() - started).toBeLessThan(1_200);
    await busy;
  });

  it('is ready when a signed ListImages(MaxResults=1) succeeds', async () => {
    emulator = await startProxyWithEmulator();
    const response = await readyRoute.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready' });
    expect(emulator.stats().byOperationAndOutcome.ListImages).toEqual({ Success: 1 });
  });

  it('answers 503 with the reason when SageMaker cannot be reached', async () => {
    stubProxyEnv({ AWS_ENDPOINT_URL_SAGEMAKER: `http://127.0.0.1:${await closedPort()}`, AWS_MAX_ATTEMPTS: '1' });
    const response = await readyRoute.GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(/^UpstreamUnavailable: /),
    });
  });

  it('answers 503 when the credentials are refused', async () => {
    emulator = await startProxyWithEmulator({}, { AWS_SECRET_ACCESS_KEY: 'not-the-emulator-secret' });
    const response = await readyRoute.GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ reason: expect.stringMatching(/^InvalidCredentials: /) });
  });

  it('names a refused role by its code only: the open probe never reveals configuration', async () => {
    const role = 'arn:aws:iam::444444444444:role/SecretCatalogRole';
    const file = join(mkdtempSync(join(tmpdir(), 'ready-')), 'sources.json');
    writeFileSync(file, JSON.stringify({ regions: ['us-east-1'], accounts: [{ name: 'solo', roleArn: role }] }));
    emulator = await startProxyWithEmulator(
      { roles: ['arn:aws:iam::111111111111:role/Other'] },
      { CATALOG_SOURCES_FILE: file },
    );
    const response = await readyRoute.GET();
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ reason: expect.stringMatching(/^AccessDenied: /) });
    expect(text).not.toContain('444444444444');
    expect(text).not.toContain('SecretCatalogRole');
  });

  it('probes at most once per few seconds', async () => {
    emulator = await startProxyWithEmulator();
    const first = checkReadiness(1_000);
    expect(checkReadiness(2_000)).toBe(first);
    expect(checkReadiness(7_000)).not.toBe(first);
    await Promise.all([first, checkReadiness(7_000)]);
  });
});
