import 'server-only';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { backendTarget } from '@/lib/server/backend-info';
import { serverEnv } from '@/lib/server/env';
import { upstreamMetricsPlugin } from '@/lib/server/metrics-sdk';

export interface SageMakerBackend {
  client: SageMakerClient;
  /** Region, endpoint and credential identity; part of every cache key. */
  identity: string;
}

const clients = new Map<string, SageMakerClient>();

function createClient(region: string | undefined): SageMakerClient {
  const env = serverEnv();
  const client = new SageMakerClient({
    // The JS SDK reads AWS_REGION but not AWS_DEFAULT_REGION, which the AWS CLI honours.
    ...(region === undefined ? {} : { region }),
    maxAttempts: env.AWS_MAX_ATTEMPTS,
    retryMode: env.AWS_RETRY_MODE,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: env.SAGEMAKER_CONNECT_TIMEOUT_MS,
      requestTimeout: env.SAGEMAKER_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    }),
  });
  client.middlewareStack.use(upstreamMetricsPlugin);
  return client;
}

/** One client per region, endpoint and credential identity; endpoint and credentials come from the SDK's own chain. */
export function sageMakerBackend(): SageMakerBackend {
  const env = serverEnv();
  const { region, endpoint } = backendTarget();
  const identity = [region ?? '', endpoint ?? '', env.AWS_PROFILE ?? '', env.AWS_ACCESS_KEY_ID ?? ''].join('|');
  let client = clients.get(identity);
  if (client === undefined) {
    client = createClient(region ?? undefined);
    clients.set(identity, client);
  }
  return { client, identity };
}

export function resetClientsForTests(): void {
  for (const client of clients.values()) client.destroy();
  clients.clear();
}
