import 'server-only';
import { createHash } from 'node:crypto';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { backendTarget } from '@/lib/config/backend';
import { serverEnv } from '@/lib/config/env';
import { processWide } from '@/lib/config/process-wide';
import { catalogSources, type CatalogAccount, type CatalogSource } from '@/lib/config/sources';
import { admitCall, upstreamBudgetPlugin } from '@/lib/sagemaker/budget-plugin';
import { upstreamMetricsPlugin } from '@/lib/sagemaker/metrics-plugin';
import { RESOURCE_IDS } from '@/lib/resources/registry';
import { Lanes } from './lanes';

export interface SageMakerBackend {
  client: SageMakerClient;
  /** The source's account and region, endpoint and credential identity; part of every cache key. */
  identity: string;
  source: CatalogSource;
  /**
   * Runs one SDK call in the lane of its source and operation, so a slow operation or a slow account fills its
   * own lane and never the sockets or slots of another; the signal both leaves the queue and aborts the request.
   */
  run<T>(lane: string, signal: AbortSignal | undefined, call: (abortSignal?: AbortSignal) => Promise<T>): Promise<T>;
}

/**
 * A lane per listing's list call, its full listings and its details call, and one for readiness: the socket pool
 * fits them all.
 */
const OPERATION_LANES = RESOURCE_IDS.length * 3 + 1;

/** The session name CloudTrail shows in the assumed roles' accounts. */
export const ROLE_SESSION_NAME = 'sagemaker-catalog';
const ROLE_SESSION_SECONDS = 3600;

const shared = processWide('sagemaker-clients', () => ({
  clients: new Map<string, SageMakerClient>(),
  providers: new Map<string, AwsCredentialIdentityProvider>(),
  lanes: undefined as Lanes | undefined,
}));
const { clients, providers } = shared;

/**
 * An account's credentials: the SDK's default chain, a profile of the shared config (which may itself assume a
 * role or use SSO), or a role assumed from the server's own credentials. The SDK refreshes them before expiry.
 */
export function credentialsOf(
  account: CatalogAccount,
  region: string | undefined,
): AwsCredentialIdentityProvider | undefined {
  const { access } = account;
  if (access.kind === 'default') return undefined;
  let provider = providers.get(account.name);
  if (provider === undefined) {
    provider =
      access.kind === 'profile'
        ? fromIni({ profile: access.profile })
        : fromTemporaryCredentials({
            params: {
              RoleArn: access.roleArn,
              RoleSessionName: ROLE_SESSION_NAME,
              DurationSeconds: ROLE_SESSION_SECONDS,
              ...(access.externalId === undefined ? {} : { ExternalId: access.externalId }),
            },
            clientConfig: region === undefined ? {} : { region },
          });
    providers.set(account.name, provider);
  }
  return provider;
}

function accessIdentity(account: CatalogAccount): string {
  const { access } = account;
  if (access.kind === 'role') return `role:${access.roleArn}:${access.externalId ?? ''}`;
  if (access.kind === 'profile') return `profile:${access.profile}`;
  const env = serverEnv();
  return `default:${env.AWS_PROFILE ?? ''}:${env.AWS_ACCESS_KEY_ID ?? ''}`;
}

function createClient(source: CatalogSource): SageMakerClient {
  const env = serverEnv();
  const agent = { keepAlive: true, maxSockets: env.SAGEMAKER_MAX_CONCURRENCY * OPERATION_LANES };
  const credentials = credentialsOf(source.account, source.region);
  const client = new SageMakerClient({
    // The JS SDK reads AWS_REGION but not AWS_DEFAULT_REGION, which the AWS CLI honours.
    ...(source.region === undefined ? {} : { region: source.region }),
    ...(credentials === undefined ? {} : { credentials }),
    maxAttempts: env.AWS_MAX_ATTEMPTS,
    retryMode: env.AWS_RETRY_MODE,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: env.SAGEMAKER_CONNECT_TIMEOUT_MS,
      requestTimeout: env.SAGEMAKER_TIMEOUT_MS,
      throwOnRequestTimeout: true,
      httpAgent: agent,
      httpsAgent: agent,
    }),
  });
  client.middlewareStack.use(upstreamMetricsPlugin(source));
  client.middlewareStack.use(upstreamBudgetPlugin(source));
  return client;
}

/**
 * The backend of one source (the only one when none is given): one client per account, region, endpoint and
 * credential identity; endpoints come from the SDK's own configuration.
 */
export function sageMakerBackend(source: CatalogSource = defaultSource()): SageMakerBackend {
  const env = serverEnv();
  const { endpoint } = backendTarget();
  const identity = [source.key, source.region ?? '', endpoint ?? '', accessIdentity(source.account)].join('|');
  let client = clients.get(identity);
  if (client === undefined) {
    client = createClient(source);
    clients.set(identity, client);
  }
  shared.lanes ??= new Lanes(env.SAGEMAKER_MAX_CONCURRENCY, env.SAGEMAKER_QUEUE_TIMEOUT_MS);
  const laneId = createHash('sha256').update(identity).digest('base64url').slice(0, 16);
  const lanes = shared.lanes;
  return {
    client,
    identity,
    source,
    run: async (lane, signal, call) => {
      await admitCall(source, signal);
      return lanes.run(`${laneId}|${lane}`, signal, () => call(signal));
    },
  };
}

/** The first configured source: the only one of a single-source deployment. */
export function defaultSource(): CatalogSource {
  const [first] = catalogSources().sources;
  if (first === undefined) throw new Error('no catalog source is configured');
  return first;
}

export function resetClientsForTests(): void {
  for (const client of clients.values()) client.destroy();
  clients.clear();
  providers.clear();
  shared.lanes = undefined;
}
