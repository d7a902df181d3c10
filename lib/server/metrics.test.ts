import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as metricsRoute from '@/app/api/metrics/route';
import type { RunningEmulator } from '@/lib/emulator';
import { sageMakerBackend } from '@/lib/sagemaker/client';
import { imagesListing } from '@/lib/resources/schemas/images';
import { listPage } from '@/lib/sagemaker/list-operation';
import { auditApiCall, type ApiCallRecord } from './audit';
import { metrics } from '@/lib/observability/metrics';
import { startProxyWithEmulator, stopProxyAndEmulator } from './test-support/harness';

const SOURCE = { account: 'default', region: 'us-east-1' };

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await stopProxyAndEmulator(emulator);
  emulator = undefined;
});

async function counterValue(
  counter: { get(): Promise<{ values: { value: number; labels: object }[] }> },
  labels: object,
) {
  const { values } = await counter.get();
  return values.find((entry) => JSON.stringify(entry.labels) === JSON.stringify(labels))?.value ?? 0;
}

function lineSink(): { lines: string[]; sink: Writable } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, sink };
}

async function listOneImage(): Promise<unknown> {
  return listPage(imagesListing, sageMakerBackend(), {
    query: {},
    path: {},
    maxResults: 1,
    nextToken: undefined,
  });
}

describe('upstream metrics of the client factory', () => {
  it('counts a successful call once, with no retries', async () => {
    emulator = await startProxyWithEmulator();
    const m = metrics();
    const before = await counterValue(m.upstreamCalls, { operation: 'ListImages', outcome: 'success', ...SOURCE });
    await listOneImage();
    expect(await counterValue(m.upstreamCalls, { operation: 'ListImages', outcome: 'success', ...SOURCE })).toBe(
      before + 1,
    );
  });

  it('counts SDK retries as $metadata.attempts - 1 and the final error by name', async () => {
    emulator = await startProxyWithEmulator({}, { AWS_MAX_ATTEMPTS: '3' });
    emulator.setFaults({ throttleRate: 1 });
    const m = metrics();
    const retries = await counterValue(m.upstreamRetries, { operation: 'ListImages', ...SOURCE });
    const throttled = await counterValue(m.upstreamCalls, {
      operation: 'ListImages',
      outcome: 'ThrottlingException',
      ...SOURCE,
    });
    await expect(listOneImage()).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(await counterValue(m.upstreamRetries, { operation: 'ListImages', ...SOURCE })).toBe(retries + 2);
    expect(
      await counterValue(m.upstreamCalls, { operation: 'ListImages', outcome: 'ThrottlingException', ...SOURCE }),
    ).toBe(throttled + 1);
  });
});

describe('audit line', () => {
  const record: ApiCallRecord = {
    requestId: 'req-1',
    route: 'images',
    method: 'GET',
    operation: 'ListImages',
    user: 'ada@example.com',
    params: {
      NameContains: 'sklearn',
      NextToken: 'x'.repeat(300),
      CreationTimeAfter: new Date('2024-01-01T00:00:00Z'),
    },
    status: 200,
    durationMs: 12.6,
    cache: 'hit',
    upstreamRequestIds: [],
  };

  it('logs user, operation, parameters, status, latency and cache hit in one JSON line, and counts the call', async () => {
    const { lines, sink } = lineSink();
    const m = metrics();
    const before = await counterValue(m.requests, { route: 'images', method: 'GET', status: '200' });
    auditApiCall(pino(sink), record);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 30,
      audit: true,
      user: 'ada@example.com',
      operation: 'ListImages',
      params: { NameContains: 'sklearn', NextToken: '[300 chars]', CreationTimeAfter: '2024-01-01T00:00:00.000Z' },
      status: 200,
      latencyMs: 13,
      cacheHit: true,
      upstreamRequestIds: [],
    });
    expect(await counterValue(m.requests, { route: 'images', method: 'GET', status: '200' })).toBe(before + 1);
    expect(await counterValue(m.cacheLookups, { route: 'images', result: 'hit' })).toBeGreaterThan(0);
  });

  it('logs 5xx calls at error level', () => {
    const { lines, sink } = lineSink();
    auditApiCall(pino(sink), { ...record, status: 502, code: 'UpstreamError', cache: 'miss' });
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 50,
      status: 502,
      code: 'UpstreamError',
      cacheHit: false,
    });
  });
});

describe('/api/metrics', () => {
  it('serves the registry in the Prometheus text format', async () => {
    metrics().authRefusals.inc({ reason: 'expired' });
    const response = await metricsRoute.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    for (const name of [
      'dashboard_http_requests_total',
      'dashboard_http_request_duration_seconds',
      'dashboard_upstream_calls_total',
      'dashboard_upstream_retries_total',
      'dashboard_cache_lookups_total',
      'dashboard_auth_refusals_total',
      'dashboard_process_cpu_seconds_total',
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });

  it('keeps one registry across module reloads', async () => {
    const first = metrics();
    vi.resetModules();
    const reloaded = await import('@/lib/observability/metrics');
    expect(reloaded.metrics).not.toBe(metrics);
    expect(reloaded.metrics()).toBe(first);
  });
});
