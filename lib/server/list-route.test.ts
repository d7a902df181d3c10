import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RunningEmulator } from '@/lib/emulator';
import { imageRow } from '@/lib/resources/schemas/images';
import { pageReply } from './test-support/replies';
import { GET as listImages } from '@/app/api/images/route';
import { callRoute } from './test-support/routes';
import { startProxyWithEmulator, stopProxyAndEmulator } from './test-support/harness';

let emulator: RunningEmulator | undefined;

beforeEach(async () => {
  emulator = await startProxyWithEmulator();
});
afterEach(async () => {
  await stopProxyAndEmulator(emulator);
});

describe('list routes against the emulator', () => {
  it('answers a page of images in the API field names with ISO timestamps', async () => {
    const reply = await callRoute('images', 'MaxResults=5');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json');
    expect(reply.headers.get('cache-control')).toBe('private, max-age=5');
    expect(reply.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = pageReply.parse(reply.body);
    expect(body.items).toHaveLength(5);
    for (const item of body.items) expect(z.strictObject(imageRow.shape).parse(item).CreationTime).toMatch(/Z$/);
    expect(typeof body.nextToken).toBe('string');
    expect(body.budgetExhausted).toBe(false);
  });

  it('accepts the context Next passes to routes without dynamic segments', async () => {
    const request = new Request('http://localhost/api/images?MaxResults=1');
    expect((await listImages(request, { params: undefined })).status).toBe(200);
    expect((await listImages(request, { params: Promise.resolve(undefined) })).status).toBe(200);
  });
});
