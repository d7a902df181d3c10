import { existsSync } from 'node:fs';
import { GetCallerIdentityCommand, AssumeRoleCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { ListImagesCommand, SageMakerClient, SageMakerServiceException } from '@aws-sdk/client-sagemaker';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_SECRET_ACCESS_KEY,
  deriveAccountId,
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '../index';
import { AWS_CLI, runAwsCli } from '../test-support/aws-cli';

const PROD_ROLE = 'arn:aws:iam::111111111111:role/CatalogReadOnly';
const STAGING_ROLE = 'arn:aws:iam::222222222222:role/team/CatalogReadOnly';
const LONG_TERM = { accessKeyId: DEFAULT_ACCESS_KEY_ID, secretAccessKey: DEFAULT_SECRET_ACCESS_KEY };

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  emulator = await startEmulator({ port: 0, scale: 'small', ...options });
  return emulator;
}

function sts(url: string, credentials = LONG_TERM) {
  return new STSClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
}

function sagemaker(
  url: string,
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider,
  systemClockOffset = 0,
) {
  return new SageMakerClient({ endpoint: url, region: 'eu-west-1', credentials, maxAttempts: 1, systemClockOffset });
}

const accountOf = (arn: string | undefined) => arn?.split(':')[4];

describe('STS in the emulator, through the SDK', () => {
  it('assumes a role: SageMaker calls with its credentials see the role account, and need the session token', async () => {
    const { url } = await start();
    const { Credentials, AssumedRoleUser } = await sts(url).send(
      new AssumeRoleCommand({ RoleArn: PROD_ROLE, RoleSessionName: 'catalog', DurationSeconds: 900 }),
    );
    expect(AssumedRoleUser?.Arn).toBe('arn:aws:sts::111111111111:assumed-role/CatalogReadOnly/catalog');
    expect(Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    const expiresIn = (Credentials?.Expiration?.getTime() ?? 0) - Date.now();
    expect(expiresIn).toBeGreaterThan(890_000);
    expect(expiresIn).toBeLessThanOrEqual(900_000);

    const temporary = {
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretAccessKey ?? '',
      sessionToken: Credentials?.SessionToken ?? '',
    };
    const { Images } = await sagemaker(url, temporary).send(new ListImagesCommand({ MaxResults: 3 }));
    expect(Images?.length).toBe(3);
    for (const image of Images ?? []) {
      expect(accountOf(image.ImageArn)).toBe('111111111111');
      expect(image.ImageArn).toContain(':eu-west-1:');
    }
    const withoutToken = sagemaker(url, { ...temporary, sessionToken: undefined });
    await expect(withoutToken.send(new ListImagesCommand({}))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
    });

    const own = await sts(url).send(new GetCallerIdentityCommand({}));
    expect(own).toMatchObject({
      Account: deriveAccountId(DEFAULT_ACCESS_KEY_ID),
      Arn: `arn:aws:iam::${deriveAccountId(DEFAULT_ACCESS_KEY_ID)}:user/emulator`,
    });
    const assumed = await sts(url, temporary).send(new GetCallerIdentityCommand({}));
    expect(assumed).toMatchObject({ Account: '111111111111', Arn: AssumedRoleUser?.Arn });
    expect(assumed.UserId).toMatch(/^AROA[0-9A-F]+:catalog$/);
  });

  it('answers ExpiredTokenException once the credentials have expired', async () => {
    let now = Date.now();
    const { url } = await start({ now: () => now });
    const { Credentials } = await sts(url).send(
      new AssumeRoleCommand({ RoleArn: PROD_ROLE, RoleSessionName: 'short', DurationSeconds: 900 }),
    );
    now += 901_000;
    const late = sagemaker(
      url,
      {
        accessKeyId: Credentials?.AccessKeyId ?? '',
        secretAccessKey: Credentials?.SecretAccessKey ?? '',
        sessionToken: Credentials?.SessionToken ?? '',
      },
      901_000,
    );
    const failure: unknown = await late.send(new ListImagesCommand({})).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SageMakerServiceException);
    expect(failure).toMatchObject({ name: 'ExpiredTokenException', $metadata: { httpStatusCode: 400 } });
  });

  it('refuses roles outside EMULATOR_ROLES with 403 AccessDenied, and validates the request', async () => {
    const { url } = await start({ roles: [STAGING_ROLE] });
    const client = sts(url);
    const staging = await client.send(new AssumeRoleCommand({ RoleArn: STAGING_ROLE, RoleSessionName: 'ok' }));
    expect(accountOf(staging.AssumedRoleUser?.Arn)).toBe('222222222222');

    const refused: unknown = await client
      .send(new AssumeRoleCommand({ RoleArn: PROD_ROLE, RoleSessionName: 'nope' }))
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(STSServiceException);
    expect(refused).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect((refused as Error).message).toContain(`sts:AssumeRole on resource: ${PROD_ROLE}`);

    for (const [input, member] of [
      [{ RoleArn: STAGING_ROLE, RoleSessionName: 'x' }, 'roleSessionName'],
      [{ RoleArn: STAGING_ROLE, RoleSessionName: 'ok', DurationSeconds: 60 }, 'durationSeconds'],
    ] as const) {
      await expect(client.send(new AssumeRoleCommand(input))).rejects.toMatchObject({
        name: 'ValidationError',
        message: expect.stringContaining(`at '${member}'`),
      });
    }
    await expect(
      client.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:user/someone-else', RoleSessionName: 'ok' })),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    const wrongKey = sts(url, { ...LONG_TERM, secretAccessKey: 'wrong' });
    await expect(wrongKey.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
    });
  });

  it("works behind @aws-sdk/credential-providers' fromTemporaryCredentials, as the proxy uses it", async () => {
    const { url } = await start();
    process.env.AWS_ENDPOINT_URL_STS = url;
    try {
      const credentials = fromTemporaryCredentials({
        masterCredentials: LONG_TERM,
        params: { RoleArn: STAGING_ROLE, RoleSessionName: 'provider' },
        clientConfig: { region: 'eu-west-1' },
      });
      const { Images } = await sagemaker(url, credentials).send(new ListImagesCommand({ MaxResults: 2 }));
      expect(Images?.map((image) => accountOf(image.ImageArn))).toEqual(['222222222222', '222222222222']);
      expect(emulator?.stats().byOperation.AssumeRole).toBe(1);
    } finally {
      delete process.env.AWS_ENDPOINT_URL_STS;
    }
  });
});

describe('STS in the emulator, through the AWS CLI', () => {
  it('assume-role, then list-images with the returned credentials, then get-caller-identity', async () => {
    if (!existsSync(AWS_CLI)) throw new Error(`${AWS_CLI} is missing: install Debian's awscli`);
    const { url } = await start({ roles: [PROD_ROLE] });
    const assumed = await runAwsCli({
      endpoint: url,
      service: 'sts',
      region: 'us-east-1',
      args: ['assume-role', '--role-arn', PROD_ROLE, '--role-session-name', 'cli'],
    });
    expect(assumed.stderr).toBe('');
    const { Credentials } = JSON.parse(assumed.stdout) as {
      Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string };
    };
    expect(Date.parse(Credentials.Expiration)).toBeGreaterThan(Date.now());
    const session = {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
    };
    const listed = await runAwsCli({
      endpoint: url,
      region: 'us-west-2',
      args: ['list-images', '--max-items', '2'],
      ...session,
    });
    expect(listed.stderr).toBe('');
    const { Images } = JSON.parse(listed.stdout) as { Images: { ImageArn: string }[] };
    expect(Images.map((image) => image.ImageArn.split(':').slice(3, 5).join(':'))).toEqual([
      'us-west-2:111111111111',
      'us-west-2:111111111111',
    ]);
    const identity = await runAwsCli({
      endpoint: url,
      service: 'sts',
      region: 'us-east-1',
      args: ['get-caller-identity'],
      ...session,
    });
    expect(JSON.parse(identity.stdout)).toMatchObject({ Account: '111111111111' });

    const refused = await runAwsCli({
      endpoint: url,
      service: 'sts',
      region: 'us-east-1',
      args: ['assume-role', '--role-arn', STAGING_ROLE, '--role-session-name', 'cli'],
    });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('(AccessDenied)');
  });
});
