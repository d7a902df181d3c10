import {
  paginateListImages,
  paginateListImageVersions,
  paginateListModelPackageGroups,
  paginateListModelPackages,
  ResourceNotFound,
  SageMakerClient,
  ListImagesCommand,
  ListImageVersionsCommand,
  type ListImageVersionsCommandInput,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY, startEmulator, type RunningEmulator } from '../index';
import {
  DAY,
  expectedGroups,
  expectedImages,
  expectedPackages,
  expectedVersions,
  FIXTURE,
  GROUP_ARN,
  T0,
  type GroupQuery,
  type ImageQuery,
  type PackageQuery,
  type VersionQuery,
} from './fixture';

const at = (seconds: number) => new Date(seconds * 1000);
const CREDENTIALS = { accessKeyId: DEFAULT_ACCESS_KEY_ID, secretAccessKey: DEFAULT_SECRET_ACCESS_KEY };

function client(emulator: RunningEmulator, overrides: Partial<ConstructorParameters<typeof SageMakerClient>[0]> = {}) {
  return new SageMakerClient({ region: 'us-east-1', endpoint: emulator.url, credentials: CREDENTIALS, ...overrides });
}

const date = (seconds: number | undefined) => (seconds === undefined ? undefined : at(seconds));
const creationDates = (q: { CreationTimeAfter?: number; CreationTimeBefore?: number }) => ({
  CreationTimeAfter: date(q.CreationTimeAfter),
  CreationTimeBefore: date(q.CreationTimeBefore),
});
const modifiedDates = (q: { LastModifiedTimeAfter?: number; LastModifiedTimeBefore?: number }) => ({
  LastModifiedTimeAfter: date(q.LastModifiedTimeAfter),
  LastModifiedTimeBefore: date(q.LastModifiedTimeBefore),
});

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

const imageQueries: ImageQuery[] = [
  {},
  { NameContains: 'GPU' },
  { CreationTimeAfter: T0 + 20 * DAY, CreationTimeBefore: T0 + 80 * DAY },
  { LastModifiedTimeAfter: T0 + 60 * DAY, LastModifiedTimeBefore: T0 + 400 * DAY, SortOrder: 'ASCENDING' },
  ...(['CREATION_TIME', 'LAST_MODIFIED_TIME', 'IMAGE_NAME'] as const).flatMap((SortBy) =>
    (['ASCENDING', 'DESCENDING'] as const).map((SortOrder) => ({ SortBy, SortOrder })),
  ),
];
const versionQueries: VersionQuery[] = [
  { ImageName: 'pytorch-2-3-gpu' },
  { ImageName: 'pytorch-2-3-gpu', SortBy: 'VERSION', SortOrder: 'ASCENDING' },
  { ImageName: 'pytorch-2-3-gpu', SortBy: 'LAST_MODIFIED_TIME' },
  { ImageName: 'pytorch-2-3-gpu', CreationTimeAfter: T0 + 50 * DAY, CreationTimeBefore: T0 + 140 * DAY },
  { ImageName: 'sklearn-inference', SortOrder: 'ASCENDING' },
];
const packageQueries: PackageQuery[] = [
  {},
  { ModelPackageType: 'Both' },
  { ModelPackageType: 'Versioned', SortOrder: 'Descending' },
  { ModelPackageGroupName: 'churn-xgboost' },
  { ModelPackageGroupName: GROUP_ARN },
  { ModelPackageType: 'Versioned', ModelApprovalStatus: 'Approved' },
  { ModelPackageType: 'Both', SortBy: 'Name', SortOrder: 'Descending' },
  { ModelPackageType: 'Both', CreationTimeAfter: T0 + 45 * DAY, CreationTimeBefore: T0 + 200 * DAY },
  { ModelPackageType: 'Both', NameContains: 'churn' },
];

const groupQueries: GroupQuery[] = [
  {},
  { SortOrder: 'Descending' },
  { SortBy: 'Name' },
  { SortBy: 'Name', SortOrder: 'Descending', NameContains: 'R' },
  { CreationTimeAfter: T0 + DAY, CreationTimeBefore: T0 + 301 * DAY },
  { CrossAccountFilterOption: 'CrossAccount' },
  { CrossAccountFilterOption: 'SameAccount', NameContains: 'fraud' },
];

describe.each(['scan', 'exact'] as const)('@aws-sdk/client-sagemaker paginators (%s paging)', (paging) => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, data: FIXTURE, paging });
  });
  afterAll(() => emulator.close());

  it.each(imageQueries)('ListImages %j', async (query) => {
    const pages = await collect(
      paginateListImages(
        { client: client(emulator), pageSize: 4 },
        { ...query, ...creationDates(query), ...modifiedDates(query) },
      ),
    );
    expect(pages.flatMap((p) => p.Images ?? []).map((i) => i.ImageName)).toEqual(expectedImages(query));
  });

  it.each(versionQueries)('ListImageVersions %j', async (query) => {
    const input: ListImageVersionsCommandInput = { ...query, ...creationDates(query), ...modifiedDates(query) };
    const pages = await collect(paginateListImageVersions({ client: client(emulator), pageSize: 6 }, input));
    expect(pages.flatMap((p) => p.ImageVersions ?? []).map((v) => v.Version)).toEqual(expectedVersions(query));
  });

  it.each(packageQueries)('ListModelPackages %j', async (query) => {
    const input = { ...query, ...creationDates(query) };
    const pages = await collect(paginateListModelPackages({ client: client(emulator), pageSize: 5 }, input));
    expect(pages.flatMap((p) => p.ModelPackageSummaryList ?? []).map((p) => p.ModelPackageArn)).toEqual(
      expectedPackages(query),
    );
  });

  it.each(groupQueries)('ListModelPackageGroups %j', async (query) => {
    const input = { ...query, ...creationDates(query) };
    const pages = await collect(paginateListModelPackageGroups({ client: client(emulator), pageSize: 2 }, input));
    const groups = pages.flatMap((p) => p.ModelPackageGroupSummaryList ?? []);
    expect(groups.map((g) => g.ModelPackageGroupName)).toEqual(expectedGroups(query));
    for (const group of groups) expect(group.CreationTime).toBeInstanceOf(Date);
  });

  it('returns items in the API shape with Date timestamps', async () => {
    const out = await client(emulator).send(
      new ListImageVersionsCommand({
        ImageName: 'sklearn-inference',
        SortBy: 'VERSION',
        SortOrder: 'ASCENDING',
        MaxResults: 1,
      }),
    );
    expect(out.ImageVersions?.[0]).toEqual({
      ...FIXTURE.ImageVersions['sklearn-inference']?.[0],
      CreationTime: at(T0 + 21 * DAY),
      LastModifiedTime: at(T0 + 21 * DAY),
    });
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('SDK errors and retries', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, data: FIXTURE });
  });
  afterAll(() => emulator.close());

  const failure = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      return error;
    }
    throw new Error('expected the call to fail');
  };

  it.each([
    ['a wrong secret', { credentials: { ...CREDENTIALS, secretAccessKey: 'wrong' } }, {}, 'InvalidSignatureException'],
    [
      'an unknown key',
      { credentials: { accessKeyId: 'AKIDNOBODY', secretAccessKey: 'x' } },
      {},
      'UnrecognizedClientException',
    ],
    ['MaxResults 1000', {}, { MaxResults: 1000 }, 'ValidationException'],
    ['a bad NameContains', {}, { NameContains: 'bad name!*' }, 'ValidationException'],
  ])('names the error for %s', async (_label, config, input, name) => {
    const error = await failure(() => client(emulator, config).send(new ListImagesCommand(input)));
    expect(error).toMatchObject({ name, $metadata: { attempts: 1 } });
  });

  it('raises the modeled ResourceNotFound for an unknown image', async () => {
    const error = await failure(() => client(emulator).send(new ListImageVersionsCommand({ ImageName: 'nope' })));
    expect(error).toBeInstanceOf(ResourceNotFound);
    expect(error).toMatchObject({
      name: 'ResourceNotFound',
      message: 'Image "nope" does not exist.',
      $fault: 'client',
    });
  });
});

describe('SDK retries through throttling and internal failures', () => {
  // Rolls: throttle the first attempt, fail the second with a 500, let the third through;
  // afterwards every other attempt fails with a 500.
  const script = [0.1, 0.9, 0.1, 0.9, 0.9];
  const cycle = [0.9, 0.1, 0.9, 0.9];
  let calls = 0;
  const random = () => {
    const value = calls < script.length ? script[calls] : cycle[(calls - script.length) % cycle.length];
    calls += 1;
    return value ?? 0.9;
  };

  it('still lists everything', async () => {
    const emulator = await startEmulator({ port: 0, data: FIXTURE, throttleRate: 0.5, errorRate: 0.5, random });
    try {
      const pages = await collect(
        paginateListModelPackages({ client: client(emulator), pageSize: 10 }, { ModelPackageType: 'Both' }),
      );
      expect(pages.flatMap((p) => p.ModelPackageSummaryList ?? []).map((p) => p.ModelPackageArn)).toEqual(
        expectedPackages({ ModelPackageType: 'Both' }),
      );
      const stats = emulator.stats();
      expect(stats.byOutcome.ThrottlingException).toBe(1);
      expect(stats.byOutcome.InternalFailure).toBeGreaterThanOrEqual(3);
      expect(pages[0]?.$metadata.attempts).toBe(3);
    } finally {
      await emulator.close();
    }
  });
});
