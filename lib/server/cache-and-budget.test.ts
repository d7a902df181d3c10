import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@/lib/emulator';
import { pageReply } from './test-support/replies';
import { callRoute } from './test-support/routes';
import { sageMakerCalls, startProxyWithEmulator, stopProxyAndEmulator } from './test-support/harness';

let emulator: RunningEmulator | undefined;

afterEach(async () => {
  await stopProxyAndEmulator(emulator);
  emulator = undefined;
});

const upstreamCalls = () => sageMakerCalls(emulator);

describe('coalescing and the short-TTL cache', () => {
  it('sends one upstream call for 50 concurrent identical requests', async () => {
    emulator = await startProxyWithEmulator({ latencyMs: 50 });
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => callRoute('images', 'SortBy=IMAGE_NAME&MaxResults=5')),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(50).fill(200));
    expect(new Set(replies.map((reply) => JSON.stringify(reply.body))).size).toBe(1);
    expect(upstreamCalls()).toBe(1);
  });

  it('treats equivalent spellings of the same query as one key', async () => {
    emulator = await startProxyWithEmulator();
    await callRoute('images', 'CreationTimeAfter=2024-01-01T00:00:00Z&MaxResults=5&NameContains=');
    await callRoute('images', 'MaxResults=5&CreationTimeAfter=1704067200');
    expect(upstreamCalls()).toBe(1);
  });

  it('serves a repeat within the TTL from the cache and calls upstream again after it', async () => {
    emulator = await startProxyWithEmulator({}, { PROXY_CACHE_TTL_MS: '300' });
    const first = await callRoute('model-packages', 'MaxResults=4');
    const second = await callRoute('model-packages', 'MaxResults=4');
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('x-proxy-cache')).toBe('cache');
    expect(upstreamCalls()).toBe(1);
    await sleep(350);
    await callRoute('model-packages', 'MaxResults=4');
    expect(upstreamCalls()).toBe(2);
  });

  it('answers Cache-Control: no-cache from upstream and stores that answer for the next caller', async () => {
    emulator = await startProxyWithEmulator();
    await callRoute('model-packages', 'MaxResults=4');
    const refreshed = await callRoute('model-packages', 'MaxResults=4', {}, undefined, { 'cache-control': 'no-cache' });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.get('x-proxy-cache')).toBe('upstream');
    expect(upstreamCalls()).toBe(2);
    const next = await callRoute('model-packages', 'MaxResults=4');
    expect(next.headers.get('x-proxy-cache')).toBe('cache');
    await callRoute('model-packages', 'MaxResults=4', {}, undefined, { 'cache-control': 'max-age=0' });
    await callRoute('model-packages', 'MaxResults=4', {}, undefined, { 'cache-control': 'max-age=60, private' });
    expect(upstreamCalls()).toBe(3);
  });

  it('does not cache errors', async () => {
    emulator = await startProxyWithEmulator();
    expect((await callRoute('image-versions', '', { ImageName: 'missing' })).status).toBe(404);
    expect((await callRoute('image-versions', '', { ImageName: 'missing' })).status).toBe(404);
    expect(upstreamCalls()).toBe(2);
  });

  it('keys the cache by backend identity', async () => {
    emulator = await startProxyWithEmulator();
    await callRoute('images');
    const other = await startProxyWithEmulator();
    try {
      await callRoute('images');
      expect(sageMakerCalls(other)).toBe(1);
    } finally {
      await other.close();
    }
  });
});

const T0 = Date.parse('2025-01-01T00:00:00Z') / 1000;
const sparse = {
  Images: Array.from({ length: 300 }, (_, index) => {
    const name = [41, 170, 233].includes(index) ? `needle-${index}` : `hay-${index}`;
    return {
      ImageName: name,
      ImageArn: `arn:aws:sagemaker:us-east-1:123456789012:image/${name}`,
      ImageStatus: 'CREATED',
      CreationTime: T0 + index * 60,
      LastModifiedTime: T0 + index * 60,
    };
  }),
  ImageVersions: {},
  ModelPackages: [],
};

describe('following short and empty upstream pages', () => {
  it('returns rows instead of an empty page when matches are sparse', async () => {
    emulator = await startProxyWithEmulator({ data: sparse }, { PROXY_FOLLOW_MAX_CALLS: '100' });
    const page = pageReply.parse((await callRoute('images', 'NameContains=needle&MaxResults=2')).body);
    expect(page.items.map((item) => item.ImageName)).toEqual(['needle-233', 'needle-170']);
    expect(page.budgetExhausted).toBe(false);
    expect(page.nextToken).not.toBeNull();
    expect(upstreamCalls()).toBeGreaterThan(30);
  });

  it('sets budgetExhausted when the budget is tiny and a token is still pending', async () => {
    emulator = await startProxyWithEmulator({ data: sparse }, { PROXY_FOLLOW_MAX_CALLS: '2' });
    const page = pageReply.parse((await callRoute('images', 'NameContains=needle')).body);
    expect(page).toMatchObject({ items: [], budgetExhausted: true });
    expect(page.nextToken).not.toBeNull();
    expect(upstreamCalls()).toBe(2);
  });
});
