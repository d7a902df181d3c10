import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GET as details } from '@/app/api/details/[resource]/route';
import type { RunningEmulator } from '@/lib/emulator';
import { runAwsCli } from '@/lib/emulator/test-support/aws-cli';
import { kebabCase } from '@/lib/resources/derive';
import { detailsParams } from '@/lib/resources/details';
import { resourceSpec, type ResourceId } from '@/lib/resources/registry';
import { normalizeTimes } from './test-support/full-listing';
import { errorReply, pageReply } from './test-support/replies';
import { callRoute } from './test-support/routes';
import { sageMakerOperations, startProxyWithEmulator, stopProxyAndEmulator, TEST_REGION } from './test-support/harness';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await stopProxyAndEmulator(emulator);
  emulator = undefined;
});

const answer = z.object({ item: z.record(z.string(), z.unknown()) });

/** Members the Debian AWS CLI's 2023 model does not know, so it drops them (spec §10). */
const UNKNOWN_TO_CLI = new Set(['ModelLifeCycle', 'ModelPackageRegistrationType']);
const knownToCli = (keys: string[]) => keys.filter((key) => !UNKNOWN_TO_CLI.has(key));

async function callDetails(resource: string, query: Record<string, string>) {
  const request = new Request(`http://localhost/api/details/${resource}?${new URLSearchParams(query)}`);
  const response = await details(request, { params: Promise.resolve({ resource }) });
  return { status: response.status, body: JSON.parse(await response.text()) as unknown };
}

/** The first rows of a listing, and each one's details parameters as the panel builds them. */
async function rowsOf(resource: ResourceId, path: Record<string, string> = {}, query = 'MaxResults=20') {
  const spec = resourceSpec(resource);
  const { items } = pageReply.parse((await callRoute(resource, query, path)).body);
  return items.map((row) => ({ row, params: detailsParams(spec, String(row[spec.idField]), path) ?? {} }));
}

describe('GET /api/details/{resource}', () => {
  it("answers the row's fields and what its Describe call adds, in the API's names", async () => {
    emulator = await startProxyWithEmulator();
    const [image] = await rowsOf('images');
    const reply = await callDetails('images', image?.params ?? {});
    expect(reply.status).toBe(200);
    const { item } = answer.parse(reply.body);
    expect(item).toMatchObject({ ImageName: image?.row.ImageName, ImageArn: image?.row.ImageArn });
    expect(item.RoleArn).toMatch(/^arn:aws:iam::/);

    const name = String(image?.row.ImageName);
    const versions = await rowsOf('image-versions', { ImageName: name });
    const version = answer.parse((await callDetails('image-versions', versions[0]?.params ?? {})).body).item;
    expect(version).toMatchObject({ Version: versions[0]?.row.Version });
    expect(version.ContainerImage).toMatch(/\.dkr\.ecr\..+@sha256:/);
  });

  it('answers the listing’s own row beside the item, as the list route gives it, for a link to a row not loaded', async () => {
    emulator = await startProxyWithEmulator();
    const image = String((await rowsOf('images'))[0]?.row.ImageName);
    for (const [resource, path] of [
      ['images', {}],
      ['image-versions', { ImageName: image }],
      ['model-packages', {}],
      ['model-package-groups', {}],
    ] as const) {
      const [listed] = await rowsOf(resource, path);
      const body = z
        .object({ item: z.record(z.string(), z.unknown()), row: z.record(z.string(), z.unknown()) })
        .parse((await callDetails(resource, listed?.params ?? {})).body);
      expect(normalizeTimes(body.row), resource).toEqual(normalizeTimes(listed?.row ?? {}));
    }
  });

  it('never passes on a model card, and keeps only the fields the spec lists', async () => {
    emulator = await startProxyWithEmulator();
    const packages = await rowsOf('model-packages', {}, 'ModelPackageType=Both&MaxResults=40');
    const answers = await Promise.all(packages.map(({ params }) => callDetails('model-packages', params)));
    expect(answers.every((reply) => reply.status === 200)).toBe(true);
    expect(JSON.stringify(answers)).not.toMatch(/ModelCard/);
    const raw = await runAwsCli({
      endpoint: emulator.url,
      region: TEST_REGION,
      args: ['describe-model-package', '--model-package-name', String(packages[0]?.params.ModelPackageName)],
    });
    const keys = Object.keys(answer.parse(answers[0]?.body).item);
    for (const key of knownToCli(keys)) expect(Object.keys(JSON.parse(raw.stdout))).toContain(key);
    expect(keys).not.toContain('ModelPackageStatusDetails');
  });

  it('is cached and shared: 20 concurrent identical requests make one upstream call', async () => {
    emulator = await startProxyWithEmulator({ latencyMs: 30 });
    const [image] = await rowsOf('images');
    emulator.resetStats();
    const replies = await Promise.all(Array.from({ length: 20 }, () => callDetails('images', image?.params ?? {})));
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
    expect(sageMakerOperations(emulator)).toEqual({ DescribeImage: 1 });
  });

  it('names the IAM action when the identity may not describe, and answers 404 for an unknown row', async () => {
    emulator = await startProxyWithEmulator({ denyOperations: ['DescribeModelPackage'] });
    const denied = await callDetails('model-packages', { ModelPackageName: 'anything' });
    expect(denied.status).toBe(403);
    expect(errorReply.parse(denied.body).error).toMatchObject({ code: 'AccessDenied' });
    expect(errorReply.parse(denied.body).error.message).toContain('sagemaker:DescribeModelPackage');
    const missing = await callDetails('images', { ImageName: 'no-such-image' });
    expect(missing.status).toBe(404);
    expect(errorReply.parse(missing.body).error.code).toBe('NotFound');
  });

  it.each([
    ['unknown', {}, 'resource'],
    ['images', {}, 'ImageName'],
    ['images', { ImageName: 'bad name!' }, 'ImageName'],
    ['images', { ImageName: 'x', Extra: '1' }, 'Extra'],
    [
      'images',
      Object.fromEntries([
        ['__proto__', '1'],
        ['ImageName', 'x'],
      ]),
      '__proto__',
    ],
    ['image-versions', { ImageName: 'x', Version: 'latest' }, 'Version'],
    ['model-packages', { ModelPackageName: 'a/b/c' }, 'ModelPackageName'],
  ])('answers 400 naming the parameter for %s %j', async (resource, query, param) => {
    emulator = await startProxyWithEmulator();
    const reply = await callDetails(resource, query);
    expect(reply.status).toBe(400);
    expect(errorReply.parse(reply.body).error.param).toBe(param);
  });

  it.each<[ResourceId, Record<string, string>]>([
    ['images', {}],
    ['model-package-groups', {}],
    ['model-packages', {}],
  ])('%s: the details equal what `aws sagemaker describe-…` prints', async (resource) => {
    emulator = await startProxyWithEmulator();
    const spec = resourceSpec(resource);
    const query = resource === 'model-packages' ? 'ModelPackageType=Versioned&MaxResults=3' : 'MaxResults=3';
    for (const { params } of await rowsOf(resource, {}, query)) {
      const { item } = answer.parse((await callDetails(resource, params)).body);
      const args = Object.entries(params).flatMap(([member, value]) => [`--${kebabCase(member)}`, value]);
      const command = kebabCase(spec.details?.operation ?? '');
      const cli = await runAwsCli({ endpoint: emulator.url, region: TEST_REGION, args: [command, ...args] });
      expect(cli.stderr).toBe('');
      const printed = z.record(z.string(), z.unknown()).parse(JSON.parse(cli.stdout));
      const compared = knownToCli(Object.keys(item));
      expect(normalizeTimes(Object.fromEntries(compared.map((key) => [key, item[key]])))).toEqual(
        normalizeTimes(Object.fromEntries(compared.map((key) => [key, printed[key]]))),
      );
    }
  });
});
