import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveAccountId, startEmulator, type RunningEmulator } from '../index';
import { getJson, rawCall } from '../test-support/signed-request';
import { itemsOf } from '../test-support/records';

const FIXED_NOW = Date.UTC(2026, 10, 24, 13, 15, 16);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    scale: 'small',
    now: () => FIXED_NOW,
    pathPrefix: '/emulator/sagemaker',
    credentials: [{ accessKeyId: 'AKIDSECOND', secretAccessKey: 'second-secret', accountId: '111122223333' }],
  });
});
afterAll(() => emulator.close());

const signingDate = new Date(FIXED_NOW);

describe('wire protocol', () => {
  it('answers with AWS JSON 1.1 headers, a request id, a Date header and numeric timestamps', async () => {
    const res = await rawCall(emulator.url, { target: 'SageMaker.ListImages', body: { MaxResults: 2 }, signingDate });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(res.headers['x-amzn-requestid']).toMatch(UUID);
    expect(res.headers.date).toBe(new Date(FIXED_NOW).toUTCString());
    const [first] = itemsOf(res.json.Images);
    expect(first).toMatchObject({ CreationTime: expect.any(Number), LastModifiedTime: expect.any(Number) });
    expect(res.text).not.toMatch(/"CreationTime":"/);
  });

  it('derives the account from the access key and the region from the credential scope', async () => {
    const res = await rawCall(emulator.url, { region: 'eu-central-1', signingDate, body: { MaxResults: 1 } });
    const [first] = itemsOf(res.json.Images);
    expect(first).toMatchObject({
      ImageArn: expect.stringContaining(`:eu-central-1:${deriveAccountId('AKIDEXAMPLE')}:image/`),
    });
    const second = await rawCall(emulator.url, {
      accessKeyId: 'AKIDSECOND',
      secretAccessKey: 'second-secret',
      signingDate,
      body: { MaxResults: 1 },
    });
    expect(itemsOf(second.json.Images)[0]).toMatchObject({
      ImageArn: expect.stringContaining(':us-east-1:111122223333:image/'),
    });
  });

  it('accepts signed session-token requests', async () => {
    const res = await rawCall(emulator.url, { sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN', signingDate });
    expect(res.status).toBe(200);
  });

  it('serves the configured path prefix, as the SDK calls it', async () => {
    const res = await rawCall(emulator.url, { path: '/emulator/sagemaker/', signingDate });
    expect(res.status).toBe(200);
  });

  it.each([
    [{ target: 'SageMaker.DeleteImage' }, 400, 'UnknownOperationException'],
    [{ target: 'Other.ListImages' }, 400, 'UnknownOperationException'],
    [{ body: '{"MaxResults":' }, 400, 'SerializationException'],
    [{ body: '[1,2]' }, 400, 'SerializationException'],
    [{ body: { MaxResults: 1000 } }, 400, 'ValidationException'],
    [{ target: 'SageMaker.ListImageVersions', body: { ImageName: 'nope' } }, 400, 'ResourceNotFound'],
    [{ unsigned: true }, 403, 'MissingAuthenticationTokenException'],
    [{ accessKeyId: 'AKIDUNKNOWN' }, 400, 'UnrecognizedClientException'],
    [{ secretAccessKey: 'wrong' }, 403, 'InvalidSignatureException'],
    [{ override: { 'x-amz-target': 'SageMaker.ListModelPackages' } }, 403, 'InvalidSignatureException'],
    [{ path: '/elsewhere' }, 404, 'UnknownOperationException'],
  ])('maps %j to %i %s', async (call, status, code) => {
    const res = await rawCall(emulator.url, { signingDate, ...call });
    expect(res.status).toBe(status);
    expect(res.json.__type).toBe(code);
    expect(typeof (res.json.message ?? res.json.Message)).toBe('string');
    expect(res.headers['x-amzn-requestid']).toMatch(UUID);
  });

  it('uses Message for ResourceNotFound and message elsewhere', async () => {
    const missing = await rawCall(emulator.url, {
      target: 'SageMaker.ListImageVersions',
      body: { ImageName: 'nope' },
      signingDate,
    });
    expect(missing.json).toEqual({ __type: 'ResourceNotFound', Message: 'Image "nope" does not exist.' });
  });

  it('rejects a request signed more than 5 minutes ago as expired', async () => {
    const res = await rawCall(emulator.url, { signingDate: new Date(FIXED_NOW - 6 * 60_000) });
    expect(res.status).toBe(403);
    expect(res.json.__type).toBe('InvalidSignatureException');
    expect(String(res.json.message)).toContain('Signature expired');
  });
});

describe('control endpoint and faults', () => {
  it('adds items to a running catalog, which the next listing shows', async () => {
    const arn = `arn:aws:sagemaker:us-west-2:${deriveAccountId('AKIDEXAMPLE')}:model-package/just-added`;
    const added = await getJson(`${emulator.url}/_emulator/items`, {
      method: 'POST',
      body: JSON.stringify({
        region: 'us-west-2',
        ModelPackages: [
          {
            ModelPackageName: 'just-added',
            ModelPackageArn: arn,
            CreationTime: FIXED_NOW / 1000,
            ModelPackageStatus: 'Completed',
          },
        ],
      }),
    });
    expect(added).toMatchObject({ status: 200, json: { added: 1, region: 'us-west-2' } });
    const listed = await rawCall(emulator.url, {
      target: 'SageMaker.ListModelPackages',
      body: { SortOrder: 'Descending', MaxResults: 1 },
      region: 'us-west-2',
      signingDate,
    });
    expect(itemsOf(listed.json.ModelPackageSummaryList)[0]).toMatchObject({ ModelPackageArn: arn });
    const bad = await getJson(`${emulator.url}/_emulator/items`, { method: 'POST', body: '{"region":"mars"}' });
    expect(bad.status).toBe(400);
  });

  it('keeps one item per identity: adding an item again replaces it', async () => {
    const arn = `arn:aws:sagemaker:us-west-2:${deriveAccountId('AKIDEXAMPLE')}:model-package/added-twice`;
    const add = (status: string) =>
      getJson(`${emulator.url}/_emulator/items`, {
        method: 'POST',
        body: JSON.stringify({
          region: 'us-west-2',
          ModelPackages: [
            { ModelPackageName: 'added-twice', ModelPackageArn: arn, CreationTime: 1e9, ModelPackageStatus: status },
          ],
        }),
      });
    expect((await add('InProgress')).status).toBe(200);
    expect((await add('Completed')).status).toBe(200);
    const listed = await rawCall(emulator.url, {
      target: 'SageMaker.ListModelPackages',
      body: { CreationTimeBefore: 1e9 + 1, CreationTimeAfter: 1e9 - 1 },
      region: 'us-west-2',
      signingDate,
    });
    expect(itemsOf(listed.json.ModelPackageSummaryList)).toEqual([
      expect.objectContaining({ ModelPackageArn: arn, ModelPackageStatus: 'Completed' }),
    ]);
  });

  it('counts requests per operation and outcome, and resets', async () => {
    await getJson(`${emulator.url}/_emulator/reset`, { method: 'POST' });
    await rawCall(emulator.url, { target: 'SageMaker.ListModelPackages', signingDate });
    await rawCall(emulator.url, { target: 'SageMaker.ListModelPackages', body: { MaxResults: 0 }, signingDate });
    const { json } = await getJson(`${emulator.url}/_emulator/stats`);
    expect(json).toMatchObject({
      total: 2,
      byOperation: { ListModelPackages: 2 },
      byOutcome: { Success: 1, ValidationException: 1 },
    });
    expect(emulator.stats().total).toBe(2);
    emulator.resetStats();
    expect(emulator.stats()).toMatchObject({ total: 0, byOperation: {} });
  });

  it('injects throttling and internal failures after SigV4, per operation, account, region and only for later pages', async () => {
    const set = await getJson(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ throttleRate: 1, operations: ['ListImages'], onlyWithNextToken: true }),
    });
    expect(set.status).toBe(200);
    const firstPage = await rawCall(emulator.url, { body: { MaxResults: 1 }, signingDate });
    expect(firstPage.status).toBe(200);
    const later = await rawCall(emulator.url, {
      body: { MaxResults: 1, NextToken: firstPage.json.NextToken },
      signingDate,
    });
    expect([later.status, later.json.__type, later.json.message]).toEqual([
      400,
      'ThrottlingException',
      'Rate exceeded',
    ]);
    const otherOp = await rawCall(emulator.url, { target: 'SageMaker.ListModelPackages', signingDate });
    expect(otherOp.status).toBe(200);
    const unsigned = await rawCall(emulator.url, { body: { NextToken: 'x' }, unsigned: true });
    expect(unsigned.json.__type).toBe('MissingAuthenticationTokenException');

    emulator.setFaults({ errorRate: 1, regions: ['eu-west-1'] });
    expect((await rawCall(emulator.url, { signingDate })).status).toBe(200);
    const elsewhere = await rawCall(emulator.url, { signingDate, region: 'eu-west-1' });
    expect([elsewhere.status, elsewhere.json.__type]).toEqual([500, 'InternalFailure']);
    emulator.setFaults({ errorRate: 1, accounts: ['000000000000'] });
    expect((await rawCall(emulator.url, { signingDate })).status).toBe(200);

    emulator.setFaults({ errorRate: 1 });
    const failed = await rawCall(emulator.url, { signingDate });
    expect([failed.status, failed.json.__type]).toEqual([500, 'InternalFailure']);

    await getJson(`${emulator.url}/_emulator/reset`, { method: 'POST' });
    expect((await rawCall(emulator.url, { signingDate })).status).toBe(200);
  });

  it('delays responses by the configured latency', async () => {
    emulator.setFaults({ latencyMs: 150 });
    const started = performance.now();
    await rawCall(emulator.url, { signingDate });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    await getJson(`${emulator.url}/_emulator/reset`, { method: 'POST' });
  });

  it.each([
    ['{"throttleRate":2}', 'throttleRate'],
    ['{"latencyMs":[200,20]}', 'latencyMs'],
    ['{"bogus":true}', 'bogus'],
    ['not json', 'JSON'],
  ])('rejects the fault body %s', async (body, fragment) => {
    const res = await getJson(`${emulator.url}/_emulator/faults`, { method: 'POST', body });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json)).toContain(fragment);
  });
});
