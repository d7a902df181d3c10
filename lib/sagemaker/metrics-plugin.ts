import 'server-only';
import type { InitializeHandlerOptions, MetadataBearer, Pluggable } from '@smithy/types';
import { z } from 'zod';
import { recordUpstreamCall } from '@/lib/observability/metrics';

const failure = z.object({
  name: z.string().catch('Error'),
  $metadata: z.object({ attempts: z.number().optional() }).optional().catch(undefined),
});

const placement: InitializeHandlerOptions & { name: string; override: boolean } = {
  step: 'initialize',
  name: 'dashboardUpstreamMetrics',
  override: true,
};

function operationName(commandName: string | undefined): string {
  return (commandName ?? 'Unknown').replace(/Command$/, '');
}

/**
 * Counts each SDK call once, outside the retry loop, so `$metadata.attempts - 1` is its retries.
 * Use with `client.middlewareStack.use(upstreamMetricsPlugin)`.
 */
export const upstreamMetricsPlugin: Pluggable<object, MetadataBearer> = {
  applyToStack(stack) {
    stack.add(
      (next, context) => async (args) => {
        const operation = operationName(context.commandName);
        const started = performance.now();
        try {
          const result = await next(args);
          const attempts = result.output.$metadata.attempts;
          recordUpstreamCall({ operation, outcome: 'success', attempts, durationMs: performance.now() - started });
          return result;
        } catch (error) {
          const parsed = failure.safeParse(error);
          const outcome = parsed.success ? parsed.data.name : 'Error';
          const attempts = parsed.success ? parsed.data.$metadata?.attempts : undefined;
          recordUpstreamCall({ operation, outcome, attempts, durationMs: performance.now() - started });
          throw error;
        }
      },
      placement,
    );
  },
};
