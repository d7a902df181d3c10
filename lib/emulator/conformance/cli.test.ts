import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECRET_ACCESS_KEY, startEmulator, type RunningEmulator } from '../index';
import { AWS_CLI, runAwsCli, type CliResult } from '../test-support/aws-cli';
import {
  DAY,
  expectedGroups,
  expectedImages,
  expectedPackages,
  expectedVersions,
  FIXTURE,
  GROUP_ARN,
  T0,
} from './fixture';

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

let emulator: RunningEmulator;

function aws(args: string[], secretAccessKey = DEFAULT_SECRET_ACCESS_KEY): Promise<CliResult> {
  return runAwsCli({
    endpoint: emulator.url,
    args,
    region: 'us-east-1',
    secretAccessKey,
    maxAttempts: 1,
    timeoutMs: 30_000,
  });
}

async function listed(args: string[], resultKey: string, field: string): Promise<unknown[]> {
  const result = await aws(args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const parsed: unknown = JSON.parse(result.stdout);
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`unexpected output ${result.stdout}`);
  const items: unknown = Object.entries(parsed).find(([key]) => key === resultKey)?.[1];
  if (!Array.isArray(items)) throw new Error(`no ${resultKey} in ${result.stdout}`);
  return items.map((item: unknown) =>
    typeof item === 'object' && item !== null ? Object.entries(item).find(([k]) => k === field)?.[1] : undefined,
  );
}

beforeAll(async () => {
  if (!existsSync(AWS_CLI)) {
    throw new Error(`${AWS_CLI} is missing: the CLI conformance tests need the AWS CLI v2 (Debian package "awscli").`);
  }
  emulator = await startEmulator({ port: 0, data: FIXTURE });
});
afterAll(() => emulator?.close());

describe.concurrent('AWS CLI v2 (auto-paginating) against the emulator', () => {
  it('list-images with defaults', async () => {
    expect(await listed(['list-images'], 'Images', 'ImageName')).toEqual(expectedImages({}));
  });

  it('list-images with a name filter and small pages', async () => {
    expect(await listed(['list-images', '--name-contains', 'gpu', '--page-size', '2'], 'Images', 'ImageName')).toEqual(
      expectedImages({ NameContains: 'gpu' }),
    );
  });

  it('list-images with inclusive creation bounds, sorted by name', async () => {
    const args = [
      'list-images',
      '--creation-time-after',
      iso(T0 + 20 * DAY),
      '--creation-time-before',
      iso(T0 + 80 * DAY),
      '--sort-by',
      'IMAGE_NAME',
      '--sort-order',
      'ASCENDING',
    ];
    expect(await listed(args, 'Images', 'ImageName')).toEqual(
      expectedImages({
        CreationTimeAfter: T0 + 20 * DAY,
        CreationTimeBefore: T0 + 80 * DAY,
        SortBy: 'IMAGE_NAME',
        SortOrder: 'ASCENDING',
      }),
    );
  });

  it('list-images sorted by last modified time', async () => {
    const args = ['list-images', '--sort-by', 'LAST_MODIFIED_TIME', '--sort-order', 'ASCENDING', '--page-size', '5'];
    expect(await listed(args, 'Images', 'ImageName')).toEqual(
      expectedImages({ SortBy: 'LAST_MODIFIED_TIME', SortOrder: 'ASCENDING' }),
    );
  });

  it('list-image-versions sorted by version', async () => {
    const args = [
      'list-image-versions',
      '--image-name',
      'pytorch-2-3-gpu',
      '--sort-by',
      'VERSION',
      '--sort-order',
      'ASCENDING',
      '--page-size',
      '7',
    ];
    expect(await listed(args, 'ImageVersions', 'Version')).toEqual(
      expectedVersions({ ImageName: 'pytorch-2-3-gpu', SortBy: 'VERSION', SortOrder: 'ASCENDING' }),
    );
  });

  it('list-model-packages with defaults (unversioned, oldest first)', async () => {
    expect(await listed(['list-model-packages'], 'ModelPackageSummaryList', 'ModelPackageArn')).toEqual(
      expectedPackages({}),
    );
  });

  it('list-model-packages of both types by name, descending', async () => {
    const args = [
      'list-model-packages',
      '--model-package-type',
      'Both',
      '--sort-by',
      'Name',
      '--sort-order',
      'Descending',
    ];
    expect(await listed(args, 'ModelPackageSummaryList', 'ModelPackageArn')).toEqual(
      expectedPackages({ ModelPackageType: 'Both', SortBy: 'Name', SortOrder: 'Descending' }),
    );
  });

  it.each([
    [['describe-image', '--image-name', 'pytorch-2-3-gpu'], { ImageName: 'pytorch-2-3-gpu', ImageStatus: 'CREATED' }],
    [['describe-image-version', '--image-name', 'pytorch-2-3-gpu', '--version-number', '14'], { Version: 14 }],
    [
      ['describe-model-package', '--model-package-name', `${GROUP_ARN.replace('-group/', '/')}/2`],
      { ModelPackageVersion: 2 },
    ],
    [['describe-model-package-group', '--model-package-group-name', GROUP_ARN], { ModelPackageGroupArn: GROUP_ARN }],
  ])('%j', async (args, expected) => {
    const result = await aws(args);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject(expected);
  });

  it('describe-image of an unknown image exits with ResourceNotFound', async () => {
    const result = await aws(['describe-image', '--image-name', 'no-such-image']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('ResourceNotFound');
  });

  it('list-model-package-groups with defaults (this account, oldest first)', async () => {
    expect(
      await listed(
        ['list-model-package-groups', '--page-size', '2'],
        'ModelPackageGroupSummaryList',
        'ModelPackageGroupName',
      ),
    ).toEqual(expectedGroups({}));
  });

  it('list-model-package-groups by name part and creation time, sorted by name descending', async () => {
    const args = [
      'list-model-package-groups',
      '--name-contains',
      'r',
      '--creation-time-after',
      iso(T0 + 2 * DAY),
      '--sort-by',
      'Name',
      '--sort-order',
      'Descending',
    ];
    expect(await listed(args, 'ModelPackageGroupSummaryList', 'ModelPackageGroupName')).toEqual(
      expectedGroups({ NameContains: 'r', CreationTimeAfter: T0 + 2 * DAY, SortBy: 'Name', SortOrder: 'Descending' }),
    );
  });

  it('list-model-package-groups refuses a bad sort with the member named', async () => {
    const result = await aws(['list-model-package-groups', '--sort-by', 'Created']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Created|sortBy|SortBy/);
  });

  it('list-model-packages of a group given by name', async () => {
    const args = ['list-model-packages', '--model-package-group-name', 'churn-xgboost', '--page-size', '4'];
    expect(await listed(args, 'ModelPackageSummaryList', 'ModelPackageArn')).toEqual(
      expectedPackages({ ModelPackageGroupName: 'churn-xgboost' }),
    );
  });

  it('list-model-packages of a group given by ARN, approved only', async () => {
    const args = [
      'list-model-packages',
      '--model-package-group-name',
      GROUP_ARN,
      '--model-approval-status',
      'Approved',
    ];
    expect(await listed(args, 'ModelPackageSummaryList', 'ModelPackageArn')).toEqual(
      expectedPackages({ ModelPackageGroupName: GROUP_ARN, ModelApprovalStatus: 'Approved' }),
    );
  });

  it('list-model-packages with exclusive creation bounds', async () => {
    const args = [
      'list-model-packages',
      '--model-package-type',
      'Both',
      '--creation-time-after',
      iso(T0 + 45 * DAY),
      '--creation-time-before',
      iso(T0 + 200 * DAY),
    ];
    expect(await listed(args, 'ModelPackageSummaryList', 'ModelPackageArn')).toEqual(
      expectedPackages({
        ModelPackageType: 'Both',
        CreationTimeAfter: T0 + 45 * DAY,
        CreationTimeBefore: T0 + 200 * DAY,
      }),
    );
  });

  it.each([
    ['a wrong secret', ['list-images'], 'wrong-secret', 'InvalidSignatureException'],
    ['MaxResults 1000', ['list-images', '--max-results', '1000'], undefined, 'ValidationException'],
    ['a bad NameContains', ['list-images', '--name-contains', 'bad name!*'], undefined, 'ValidationException'],
    ['an unknown image', ['list-image-versions', '--image-name', 'nope'], undefined, 'ResourceNotFound'],
  ])('fails with the error code for %s', async (_label, args, secret, code) => {
    const result = await aws(args, secret);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`(${code})`);
  });
});
