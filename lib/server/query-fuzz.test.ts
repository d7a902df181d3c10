import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@/lib/emulator';
import { routeParams } from '@/lib/resources/derive';
import { RESOURCE_IDS, resourceSpec } from '@/lib/resources/registry';
import { listingOf } from '@/lib/resources/schemas/registry';
import { errorReply, pageReply } from './test-support/replies';
import type { ResourceId } from '@/lib/resources/registry';
import { callRoute } from './test-support/routes';
import { startProxyWithEmulator, stopProxyAndEmulator } from './test-support/harness';

const memberNames = [...new Set(RESOURCE_IDS.flatMap((id) => Object.keys(listingOf(id).query.shape)))];

const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...memberNames) },
  fc.constantFrom(...memberNames.map((name) => name.toLowerCase())),
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '__proto__', 'constructor', 'ImageName', 'MaxResults'),
);

const value = fc.oneof(
  fc.constantFrom(
    '',
    'tf',
    '0',
    '1',
    '100',
    '101',
    '-1',
    '1e3',
    'CREATION_TIME',
    'IMAGE_NAME',
    'VERSION',
    'Name',
    'CreationTime',
    'ASCENDING',
    'Descending',
    'Both',
    'Versioned',
    'Approved',
    '2024-01-01T00:00:00Z',
    '2024-13-45T99:00:00Z',
    '1704067200',
    '99999999999999999999',
    'arn:aws:sagemaker:us-east-1:123456789012:model-package-group/g1',
    '%',
    '%E0%A4%A',
    '%ZZ',
    '%FF%FE',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 8000, maxLength: 9000 }),
);

const rawPart = fc.oneof(
  fc
    .tuple(key, value)
    .map(
      ([k, v]) =>
        `${encodeURIComponent(k.replace(/[\uD800-\uDFFF]/gu, ''))}=${encodeURIComponent(v.replace(/[\uD800-\uDFFF]/gu, ''))}`,
    ),
  fc.tuple(key, value).map(([k, v]) => `${k}=${v}`),
  fc.constantFrom('&', '=', '==', 'a=b=c', 'MaxResults=5&MaxResults=5', 'NextToken=abc', '%=%'),
);

const queryString = fc.array(rawPart, { maxLength: 6 }).map((parts) => parts.join('&'));

const pathValue = fc.oneof(
  fc.constantFrom('', '.', '..', 'a/b', '%2F', 'tf-2.13', 'no-such-image', 'x'.repeat(64), 'a--b', '\u0000', 'ü'),
  fc.string({ maxLength: 70 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

function sentKeys(query: string): Set<string> {
  return new Set([...new URL(`http://x/?${query}`).searchParams.keys()]);
}

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startProxyWithEmulator({}, { AWS_MAX_ATTEMPTS: '1' });
});
afterAll(() => stopProxyAndEmulator(emulator));

const statuses = new Set<number>();

async function checkReply(route: ResourceId, query: string, path: Record<string, string>) {
  const reply = await callRoute(route, query, path);
  statuses.add(reply.status);
  expect(reply.status, `${route} ?${query}`).toBeLessThan(500);
  if (reply.status === 200) {
    pageReply.parse(reply.body);
    return;
  }
  const { error } = errorReply.parse(reply.body);
  expect(reply.status).toBeOneOf([400, 404]);
  if (reply.status === 400) expect([...sentKeys(query), ...Object.keys(path)]).toContain(error.param);
}

describe('fuzzed query strings and path parameters', () => {
  it.each(RESOURCE_IDS)('%s: never a 5xx, every 400 names a parameter that was sent', async (route) => {
    const names = routeParams(resourceSpec(route).apiRoute);
    const path = fc
      .tuple(...names.map(() => pathValue))
      .map((values) => Object.fromEntries(names.map((name, index) => [name, values[index] ?? ''])));
    await fc.assert(
      fc.asyncProperty(queryString, path, (query, params) => checkReply(route, query, params)),
      { numRuns: 300 },
    );
  });

  it('reached both the upstream and the validator', () => {
    expect([...statuses].sort()).toEqual([200, 400, 404]);
  });
});
