import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import * as images from '@/app/api/images/route';
import type { RunningEmulator } from '@/lib/emulator';
import { encodeUser, USER_HEADER } from './auth/user-header';
import { resetLoggerForTests } from '@/lib/observability/logger';
import { metrics } from '@/lib/observability/metrics';
import { startProxyWithEmulator, stopProxyAndEmulator } from './test-support/harness';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await stopProxyAndEmulator(emulator);
  emulator = undefined;
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function captureLog(): unknown[] {
  const lines: unknown[] = [];
  resetLoggerForTests(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    }),
  );
  return lines;
}

const asUser = { [USER_HEADER]: encodeUser({ id: 'ada@example.com', email: 'ada@example.com', groups: [] }) };

async function requestsCounted(status: string): Promise<number> {
  const { values } = await metrics().requests.get();
  return values.find((entry) => entry.labels.route === 'images' && entry.labels.status === status)?.value ?? 0;
}

describe('the list routes audit each call', () => {
  it('log one line with the user, operation, parameters, status, latency, cache hit and upstream request id', async () => {
    emulator = await startProxyWithEmulator({}, { PROXY_LOG_LEVEL: 'info' });
    const lines = captureLog();
    const before = await requestsCounted('200');
    const url = 'http://localhost/api/images?MaxResults=2&NameContains=a';
    const first = await images.GET(new Request(url, { headers: asUser }), { params: Promise.resolve({}) });
    await images.GET(new Request(url, { headers: asUser }), { params: Promise.resolve({}) });
    const requests = lines.filter((line) => isRecord(line) && line.audit === true);
    const calls = lines.filter((line) => isRecord(line) && line.audit === 'upstream');
    expect(requests).toHaveLength(2);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls)
      expect(call).toEqual(
        expect.objectContaining({
          requestId: first.headers.get('x-request-id'),
          user: 'ada@example.com',
          route: 'images',
          operation: 'ListImages',
          account: 'default',
          region: 'us-east-1',
          outcome: 'success',
          httpStatus: 200,
          attempts: 1,
          upstreamRequestId: expect.any(String),
        }),
      );
    expect(requests[0]).toMatchObject({
      audit: true,
      user: 'ada@example.com',
      operation: 'ListImages',
      route: 'images',
      params: { MaxResults: 2, NameContains: 'a' },
      status: 200,
      latencyMs: expect.any(Number),
      cacheHit: false,
      upstreamRequestIds: expect.arrayContaining([expect.any(String)]),
    });
    expect(requests[1]).toMatchObject({ cacheHit: true, upstreamRequestIds: [] });
    expect(await requestsCounted('200')).toBe(before + 2);
  });

  it('log refused parameters with the error code and no user when AUTH_MODE=none', async () => {
    emulator = await startProxyWithEmulator({}, { PROXY_LOG_LEVEL: 'info' });
    const lines = captureLog();
    const response = await images.GET(new Request('http://localhost/api/images?MaxResults=0'), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(400);
    expect(lines).toEqual([
      expect.objectContaining({ user: null, status: 400, code: 'InvalidParameter', params: { MaxResults: '0' } }),
    ]);
  });
});
