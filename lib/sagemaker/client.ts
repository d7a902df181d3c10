import 'server-only';
import { createHash } from 'node:crypto';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { backendTarget } from '@/lib/config/backend';
import { serverEnv } from '@/lib/config/env';
import { upstreamMetricsPlugin } from '@/lib/sagemaker/metrics-plugin';
import { RESOURCE_IDS } from '@/lib/resources/registry';
import { Lanes } from './lanes';

export interface SageMakerBackend {
  client: SageMakerClient;
  /** Region, endpoint and credential identity; part of every cache key. */
  identity: string;
  /**
   * Runs one SDK call in the lane of its operation, so a slow operation fills its own lane and never the
   * sockets or slots of another; the signal both leaves the queue and aborts the request in flight.
   */
  run<T>(lane: string, signal: AbortSignal | undefined, call: (abortSignal?: AbortSignal) => Promise<T>): Promise<T>;
}

/** A lane per listing's list call and per details call, and one for readiness: the socket pool fits them all. */
const OPERATION_LANES = RESOURCE_IDS.length * 2 + 1;

const clients = new Map<string, SageMakerClient>();
let lanes: Lanes | undefined;

function createClient(region: string | undefined): SageMakerClient {
  const env = serverEnv();
  const agent = { keepAlive: true, maxSockets: env.SAGEMAKER_MAX_CONCURRENCY * OPERATION_LANES };
  const client = new SageMakerClient({
    // The JS SDK reads AWS_REGION but not AWS_DEFAULT_REGION, which the AWS CLI honours.
    ...(region === undefined ? {} : { region }),
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
  lanes ??= new Lanes(env.SAGEMAKER_MAX_CONCURRENCY, env.SAGEMAKER_QUEUE_TIMEOUT_MS);
  const laneId = createHash('sha256').update(identity).digest('base64url').slice(0, 16);
  const shared = lanes;
  return {
    client,
    identity,
    run: (lane, signal, call) => shared.run(`${laneId}|${lane}`, signal, () => call(signal)),
  };
}

export function resetClientsForTests(): void {
  for (const client of clients.values()) client.destroy();
  clients.clear();
  lanes = undefined;
}
