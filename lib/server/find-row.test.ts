import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@/lib/emulator';
import { imagesListing } from '@/lib/resources/schemas/images';
import { findRow } from './find-row';
import { resetLoggerForTests } from '@/lib/observability/logger';
import { ProxyError } from '@/lib/server/http/proxy-error';
import { sageMakerOperations, startProxyWithEmulator, stopProxyAndEmulator } from './test-support/harness';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await stopProxyAndEmulator(emulator);
  emulator = undefined;
});

const caller = { requestId: 'page-1', route: 'page:image', method: 'GET', user: 'ada@example.com', sentParams: [] };

function findImage(name: string) {
  return findRow(
    imagesListing,
    { query: { NameContains: name }, path: {}, matches: (image) => image.ImageName === name },
    caller,
  );
}

describe('findRow, the lookup behind an image page', () => {
  it('costs one upstream call for 50 concurrent views of one image, and writes each one an audit line', async () => {
    emulator = await startProxyWithEmulator({ latencyMs: 30 }, { PROXY_LOG_LEVEL: 'info' });
    const lines: { audit?: boolean; route?: string; operation?: string }[] = [];
    resetLoggerForTests(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString()));
          done();
        },
      }),
    );
    const name = (await findRow(imagesListing, { query: {}, path: {}, matches: () => true }, caller))?.ImageName;
    expect(name).toBeDefined();
    emulator.resetStats();
    lines.length = 0;
    const found = await Promise.all(Array.from({ length: 50 }, () => findImage(name ?? '')));
    expect(new Set(found.map((image) => image?.ImageArn)).size).toBe(1);
    expect(found[0]?.ImageName).toBe(name);
    expect(sageMakerOperations(emulator)).toEqual({ ListImages: 1 });
    expect(lines.filter((line) => line.audit === true && line.route === 'page:image')).toHaveLength(50);
  });

  it('answers undefined for a name no image has, and throws the mapped error when SageMaker fails', async () => {
    emulator = await startProxyWithEmulator({}, { AWS_MAX_ATTEMPTS: '1' });
    await expect(findImage('no-such-image-anywhere')).resolves.toBeUndefined();
    emulator.setFaults({ errorRate: 1 });
    const failure = await findImage('another-name').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProxyError);
    expect(failure).toMatchObject({ status: 502, code: 'UpstreamError' });
  });
});
