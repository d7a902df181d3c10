import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@/lib/emulator';
import { resetLoggerForTests } from '@/lib/observability/logger';
import { errorReply, pageReply } from './test-support/replies';
import { callRoute } from './test-support/routes';
import { startProxyWithEmulator, stopProxyAndEmulator, stubProxyEnv } from './test-support/harness';

let emulator: RunningEmulator | undefined;

afterEach(async () => {
  await stopProxyAndEmulator(emulator);
  emulator = undefined;
});

async function start(env: Record<string, string | undefined> = {}) {
  emulator = await startProxyWithEmulator({}, env);
  return emulator;
}

function expectError(reply: { status: number; headers: Headers; body: unknown }, status: number, code: string) {
  expect(reply.status).toBe(status);
  const { error } = errorReply.parse(reply.body);
  expect(error.code).toBe(code);
  expect(error.requestId).toBe(reply.headers.get('x-request-id'));
  expect(reply.headers.get('cache-control')).toBe('no-store');
  expect(reply.headers.get('content-type')).toBe('application/json');
  return error;
}

/** An endpoint that answers every request with this status and an HTML body, like a proxy's error page. */
async function htmlEndpoint(
  status: number,
  body = '<html><body><h1>Bad gateway</h1></body></html>',
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': body.startsWith('{') ? 'application/x-amz-json-1.1' : 'text/html' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('upstream errors', () => {
  it('takes a 200 without the result list for an unreadable answer, never for an empty page', async () => {
    const endpoint = await htmlEndpoint(200, '{"Unexpected":true}');
    try {
      stubProxyEnv({ AWS_ENDPOINT_URL_SAGEMAKER: endpoint.url, AWS_MAX_ATTEMPTS: '1' });
      const error = expectError(await callRoute('images'), 502, 'UpstreamError');
      expect(error.message).toContain('no Images list');
    } finally {
      await endpoint.close();
    }
  });

  it("keeps the endpoint out of a full lane's answer and log line", async () => {
    const running = await start({
      SAGEMAKER_MAX_CONCURRENCY: '1',
      SAGEMAKER_QUEUE_TIMEOUT_MS: '100',
      PROXY_LOG_LEVEL: 'info',
    });
    stubProxyEnv({
      AWS_ENDPOINT_URL_SAGEMAKER: running.url.replace('http://', 'http://svc:Passw0rd@'),
      SAGEMAKER_MAX_CONCURRENCY: '1',
      SAGEMAKER_QUEUE_TIMEOUT_MS: '100',
      PROXY_LOG_LEVEL: 'info',
    });
    const lines: string[] = [];
    resetLoggerForTests(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    running.setFaults({ latencyMs: 500 });
    const first = callRoute('images', 'MaxResults=1');
    const second = await callRoute('images', 'MaxResults=2');
    expectError(second, 503, 'UpstreamBusy');
    await first;
    expect(JSON.stringify(second.body)).not.toContain('Passw0rd');
    expect(lines.join('\n')).toContain('UpstreamBusy');
    expect(lines.join('\n')).not.toContain('Passw0rd');
  });

  it.each([
    [500, 'SageMaker answered HTTP 500 with a body that is not JSON'],
    [404, 'SageMaker answered HTTP 404 with a body that is not JSON'],
    [200, 'SageMaker answered HTTP 200 with a body that is not JSON'],
  ])('says what a non-JSON answer with HTTP %i was', async (status, message) => {
    const endpoint = await htmlEndpoint(status);
    try {
      stubProxyEnv({ AWS_ENDPOINT_URL_SAGEMAKER: endpoint.url, AWS_MAX_ATTEMPTS: '1' });
      const error = expectError(await callRoute('images'), 502, 'UpstreamError');
      expect(error.message).toContain(message);
      expect(error.message).not.toMatch(/SyntaxError/);
    } finally {
      await endpoint.close();
    }
  });

  it('maps an unknown image to 404 NotFound', async () => {
    await start();
    const error = expectError(await callRoute('image-versions', '', { ImageName: 'no-such-image' }), 404, 'NotFound');
    expect(error.message).toContain('no-such-image');
  });

  it('maps a token replayed with other parameters to 400 UpstreamValidation naming NextToken', async () => {
    await start();
    const first = pageReply.parse((await callRoute('images', 'MaxResults=3')).body);
    const token = encodeURIComponent(first.nextToken ?? '');
    const error = expectError(
      await callRoute('images', `MaxResults=3&SortBy=IMAGE_NAME&NextToken=${token}`),
      400,
      'UpstreamValidation',
    );
    expect(error.param).toBe('NextToken');
    expect(error.message).toMatch(/NextToken/);
  });

  it('maps throttling that outlasts the retries to 429 with Retry-After', async () => {
    const running = await start({ AWS_MAX_ATTEMPTS: '2' });
    running.setFaults({ throttleRate: 1 });
    const reply = await callRoute('images');
    expectError(reply, 429, 'Throttled');
    expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(running.stats().byOutcome.ThrottlingException).toBe(2);
  });

  it('maps persistent upstream 5xx to 502 and a slow upstream to 504', async () => {
    const running = await start({ AWS_MAX_ATTEMPTS: '1', SAGEMAKER_TIMEOUT_MS: '150' });
    running.setFaults({ errorRate: 1 });
    expectError(await callRoute('model-packages'), 502, 'UpstreamError');
    running.setFaults({ latencyMs: 600 });
    expectError(await callRoute('model-packages'), 504, 'UpstreamTimeout');
  });

  it.each([
    ['an unknown access key', { AWS_ACCESS_KEY_ID: 'AKIDUNKNOWN000000000' }, 'UnrecognizedClientException'],
    ['a wrong secret', { AWS_SECRET_ACCESS_KEY: 'not-the-secret' }, 'InvalidSignatureException'],
  ])('maps %s to 500 InvalidCredentials', async (_, env, upstreamCode) => {
    await start(env);
    const error = expectError(await callRoute('images'), 500, 'InvalidCredentials');
    expect(error.message).toContain(upstreamCode);
    expect(error.message).toContain('AWS_SECRET_ACCESS_KEY');
  });

  it('maps a stopped emulator to 502 UpstreamUnavailable', async () => {
    const running = await start();
    await running.close();
    emulator = undefined;
    const error = expectError(await callRoute('images'), 502, 'UpstreamUnavailable');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('maps a missing region or missing credentials to 500 NotConfigured naming what to set', async () => {
    await start({ AWS_REGION: undefined });
    expect(expectError(await callRoute('images'), 500, 'NotConfigured').message).toContain('AWS_REGION');
    await stopProxyAndEmulator(emulator);
    await start({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    expect(expectError(await callRoute('images'), 500, 'NotConfigured').message).toContain('AWS_ACCESS_KEY_ID');
  });

  it('maps an invalid proxy setting to 500 NotConfigured naming the variable', async () => {
    await start({ PROXY_FOLLOW_MAX_CALLS: 'lots' });
    expect(expectError(await callRoute('images'), 500, 'NotConfigured').message).toContain('PROXY_FOLLOW_MAX_CALLS');
  });

  it('logs one JSON line with the request id and the upstream request id', async () => {
    await start({ PROXY_LOG_LEVEL: 'info' });
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    resetLoggerForTests(sink);
    const reply = await callRoute('image-versions', '', { ImageName: 'missing' });
    const logged = lines.map((line) => JSON.parse(line)).filter((line) => line.audit === true);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ requestId: reply.headers.get('x-request-id'), status: 404, code: 'NotFound' });
    expect(logged[0].upstreamRequestId).toEqual(expect.any(String));
  });
});
