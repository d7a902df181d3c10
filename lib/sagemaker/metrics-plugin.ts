import 'server-only';
import type { InitializeHandlerOptions, MetadataBearer, Pluggable } from '@smithy/types';
import { z } from 'zod';
import type { CatalogSource } from '@/lib/config/sources';
import { proxyLogger } from '@/lib/observability/logger';
import { recordUpstreamCall } from '@/lib/observability/metrics';
import { currentRequest } from '@/lib/observability/request-context';

const failure = z.object({
  name: z.string().catch('Error'),
  $metadata: z
    .object({
      attempts: z.number().optional(),
      requestId: z.string().optional(),
      httpStatusCode: z.number().optional(),
    })
    .optional()
    .catch(undefined),
});

const placement: InitializeHandlerOptions & { name: string; override: boolean } = {
  step: 'initialize',
  name: 'dashboardUpstreamMetrics',
  override: true,
};

function operationName(commandName: string | undefined): string {
  return (commandName ?? 'Unknown').replace(/Command$/, '');
}

interface Outcome {
  outcome: string;
  attempts: number | undefined;
  upstreamRequestId: string | undefined;
  httpStatus: number | undefined;
}

/**
 * Counts each SDK call of one source once, outside the retry loop (so `$metadata.attempts - 1` is its retries),
 * labelled by operation, account and region, and writes one audit line per upstream call naming the proxy
 * request it was made for. Use with `client.middlewareStack.use(upstreamMetricsPlugin(source))`.
 */
export function upstreamMetricsPlugin(source: CatalogSource): Pluggable<object, MetadataBearer> {
  const account = source.account.name;
  const region = source.region ?? '';
  return {
    applyToStack(stack) {
      stack.add(
        (next, context) => async (args) => {
          const operation = operationName(context.commandName);
          const started = performance.now();
          const done = ({ outcome, attempts, upstreamRequestId, httpStatus }: Outcome) => {
            const durationMs = performance.now() - started;
            recordUpstreamCall({ operation, outcome, attempts, durationMs, account, region });
            const request = currentRequest();
            proxyLogger().info(
              {
                audit: 'upstream',
                requestId: request?.requestId,
                user: request?.user,
                route: request?.route,
                operation,
                account,
                accountId: source.account.accountId,
                region,
                outcome,
                httpStatus,
                attempts,
                latencyMs: Math.round(durationMs),
                upstreamRequestId,
              },
              'upstream call',
            );
          };
          try {
            const result = await next(args);
            const { attempts, requestId, httpStatusCode } = result.output.$metadata;
            done({ outcome: 'success', attempts, upstreamRequestId: requestId, httpStatus: httpStatusCode });
            return result;
          } catch (error) {
            const parsed = failure.safeParse(error);
            const metadata = parsed.success ? parsed.data.$metadata : undefined;
            done({
              outcome: parsed.success ? parsed.data.name : 'Error',
              attempts: metadata?.attempts,
              upstreamRequestId: metadata?.requestId,
              httpStatus: metadata?.httpStatusCode,
            });
            throw error;
          }
        },
        placement,
      );
    },
  };
}
