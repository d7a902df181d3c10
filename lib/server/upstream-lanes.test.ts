import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@/lib/emulator';
import { errorReply } from './test-support/replies';
import { callRoute } from './test-support/routes';
import { startProxyWithEmulator, stopProxyAndEmulator } from './test-support/harness';

let emulator: RunningEmulator | undefined;

afterEach(async () => {
  await stopProxyAndEmulator(emulator);
  emulator = undefined;
});

async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await call();
  return { result, ms: performance.now() - started };
}

describe('one slow operation never starves another', () => {
  it('answers images at once while 60 distinct model-package requests wait on a slow upstream', async () => {
    emulator = await startProxyWithEmulator({}, { SAGEMAKER_QUEUE_TIMEOUT_MS: '10000' });
    emulator.setFaults({ latencyMs: 3_000, operations: ['ListModelPackages'] });
    const clients = Array.from({ length: 60 }, () => new AbortController());
    const slow = clients.map((client, index) =>
      callRoute('model-packages', `NameContains=m${index}&MaxResults=5`, {}, client.signal).catch(() => undefined),
    );
    await sleep(100);
    const images = await timed(() => callRoute('images', 'MaxResults=5'));
    expect(images.result.status).toBe(200);
    expect(images.ms).toBeLessThan(1_000);

    for (const client of clients) client.abort();
    await Promise.all(slow);
    emulator.setFaults({});
    const next = await timed(() => callRoute('model-packages', 'NameContains=fresh&MaxResults=5'));
    expect(next.result.status).toBe(200);
    expect(next.ms).toBeLessThan(1_000);
  });

  it('aborts the upstream call once no waiting client wants it, and keeps it while one still does', async () => {
    emulator = await startProxyWithEmulator();
    emulator.setFaults({ latencyMs: 1_500, operations: ['ListModelPackages'] });
    const leaving = new AbortController();
    const staying = callRoute('model-packages', 'MaxResults=3');
    const gone = callRoute('model-packages', 'MaxResults=3', {}, leaving.signal);
    await sleep(100);
    leaving.abort();
    expect((await gone).status).toBe(499);
    expect((await staying).status).toBe(200);

    const alone = new AbortController();
    const abandoned = callRoute('model-packages', 'MaxResults=4', {}, alone.signal);
    await sleep(100);
    alone.abort();
    expect((await abandoned).status).toBe(499);
    await sleep(1_600);
    expect(emulator.stats().byOperationAndOutcome.ListModelPackages).toEqual({ Success: 1, ClientClosed: 1 });
  });

  it('answers 503 with Retry-After when a lane stays full past its wait allowance', async () => {
    emulator = await startProxyWithEmulator({}, { SAGEMAKER_MAX_CONCURRENCY: '1', SAGEMAKER_QUEUE_TIMEOUT_MS: '200' });
    emulator.setFaults({ latencyMs: 1_000, operations: ['ListModelPackages'] });
    const first = callRoute('model-packages', 'MaxResults=1');
    await sleep(50);
    const second = await callRoute('model-packages', 'MaxResults=2');
    expect(second.status).toBe(503);
    expect(errorReply.parse(second.body).error.code).toBe('UpstreamBusy');
    expect(second.headers.get('retry-after')).toBe('2');
    expect((await first).status).toBe(200);
  });

  it('retries a call that times out, up to AWS_MAX_ATTEMPTS', async () => {
    emulator = await startProxyWithEmulator({}, { SAGEMAKER_TIMEOUT_MS: '300', AWS_MAX_ATTEMPTS: '3' });
    emulator.setFaults({ latencyMs: 1_000, operations: ['ListModelPackages'] });
    const reply = await callRoute('model-packages', 'MaxResults=5');
    expect(reply.status).toBe(504);
    await sleep(1_200);
    expect(emulator.stats().byOperation.ListModelPackages).toBe(3);
  });
});
