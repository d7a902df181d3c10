import 'server-only';
import type { FinalizeHandler, FinalizeHandlerArguments, MetadataBearer, Pluggable } from '@smithy/types';
import { serverEnv } from '@/lib/config/env';
import { processWide } from '@/lib/config/process-wide';
import type { CatalogSource } from '@/lib/config/sources';
import { recordBudgetUse } from '@/lib/observability/metrics';
import { BudgetExceededError, RateBudget } from './rate-budget';

const shared = processWide('upstream-budget', () => ({ budget: undefined as RateBudget | undefined, config: '' }));

/** The process's budget of SageMaker calls per account and region; undefined without UPSTREAM_MAX_RPS. */
export function upstreamBudget(): RateBudget | undefined {
  const { UPSTREAM_MAX_RPS: perSecond, UPSTREAM_BUDGET_WAIT_MS: maxWaitMs } = serverEnv();
  if (perSecond === undefined) return undefined;
  const config = `${perSecond}/${maxWaitMs}`;
  if (shared.budget === undefined || shared.config !== config) {
    shared.budget = new RateBudget(perSecond, maxWaitMs);
    shared.config = config;
  }
  return shared.budget;
}

export function resetBudgetForTests(): void {
  shared.budget = undefined;
  shared.config = '';
}

/**
 * Holds every HTTP attempt of one source's client (SDK retries included: it runs inside the retry loop, last
 * before the request is sent) to the upstream budget of that account and region. A call refused by the budget fails with
 * BudgetExceededError, which the SDK does not retry.
 */
export function upstreamBudgetPlugin(source: CatalogSource): Pluggable<object, MetadataBearer> {
  const account = source.account.name;
  const region = source.region ?? '';
  return {
    applyToStack(stack) {
      stack.addRelativeTo(
        (next: FinalizeHandler<object, MetadataBearer>) => async (args: FinalizeHandlerArguments<object>) => {
          const budget = upstreamBudget();
          if (budget === undefined) return next(args);
          try {
            const outcome = await budget.take(source.key);
            recordBudgetUse({
              account,
              region,
              limit: budget.perSecond,
              started: budget.startedIn(source.key),
              outcome,
            });
          } catch (error) {
            if (error instanceof BudgetExceededError) {
              const started = budget.startedIn(source.key);
              recordBudgetUse({ account, region, limit: budget.perSecond, started, outcome: 'refused' });
            }
            throw error;
          }
          return next(args);
        },
        { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'dashboardUpstreamBudget', override: true },
      );
    },
  };
}
