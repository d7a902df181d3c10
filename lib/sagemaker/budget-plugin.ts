import 'server-only';
import type { FinalizeHandler, FinalizeHandlerArguments, MetadataBearer, Pluggable } from '@smithy/types';
import { serverEnv } from '@/lib/config/env';
import { processWide } from '@/lib/config/process-wide';
import type { CatalogSource } from '@/lib/config/sources';
import { recordBudgetUse } from '@/lib/observability/metrics';
import { BudgetExceededError, RateBudget } from './rate-budget';

/** Admissions pace calls into the lanes (and refuse past the wait allowance); sends hold the actual requests. */
interface Budgets {
  admissions: RateBudget;
  sends: RateBudget;
}

/** How long a request admitted by the budget may still wait at the send gate (SDK retries, late lanes). */
const SEND_WAIT_MS = 30_000;

const shared = processWide('upstream-budget', () => ({ budgets: undefined as Budgets | undefined, config: '' }));

/** The process's budgets of SageMaker calls per account and region; undefined without UPSTREAM_MAX_RPS. */
export function upstreamBudgets(): Budgets | undefined {
  const { UPSTREAM_MAX_RPS: perSecond, UPSTREAM_BUDGET_WAIT_MS: maxWaitMs } = serverEnv();
  if (perSecond === undefined) return undefined;
  const config = `${perSecond}/${maxWaitMs}`;
  if (shared.budgets === undefined || shared.config !== config) {
    shared.budgets = {
      admissions: new RateBudget(perSecond, maxWaitMs),
      sends: new RateBudget(perSecond, SEND_WAIT_MS),
    };
    shared.config = config;
  }
  return shared.budgets;
}

export function resetBudgetForTests(): void {
  shared.budgets = undefined;
  shared.config = '';
}

/**
 * Waits for the source's turn before a call joins its lane, so calls over the budget wait here (up to
 * UPSTREAM_BUDGET_WAIT_MS, then BudgetExceededError: 429) rather than fill the lanes.
 */
export async function admitCall(source: CatalogSource, signal: AbortSignal | undefined): Promise<void> {
  const budgets = upstreamBudgets();
  if (budgets === undefined) return;
  const account = source.account.name;
  const region = source.region ?? '';
  const { admissions } = budgets;
  try {
    const outcome = await admissions.take(source.key, signal);
    if (outcome === 'waited') recordBudgetUse({ account, region, limit: admissions.perSecond, outcome });
  } catch (error) {
    if (error instanceof BudgetExceededError) {
      recordBudgetUse({ account, region, limit: admissions.perSecond, outcome: 'refused' });
    }
    throw error;
  }
}

/**
 * Holds every HTTP attempt of one source's client (SDK retries included: it runs inside the retry loop, last
 * before the request is sent) to the upstream budget of that account and region: no second of sends goes past
 * it, whatever the lanes and retries did to the calls' timing.
 */
export function upstreamBudgetPlugin(source: CatalogSource): Pluggable<object, MetadataBearer> {
  const account = source.account.name;
  const region = source.region ?? '';
  return {
    applyToStack(stack) {
      stack.addRelativeTo(
        (next: FinalizeHandler<object, MetadataBearer>) => async (args: FinalizeHandlerArguments<object>) => {
          const budgets = upstreamBudgets();
          if (budgets === undefined) return next(args);
          const { sends } = budgets;
          await sends.take(source.key);
          recordBudgetUse({ account, region, limit: sends.perSecond, started: sends.startedIn(source.key) });
          return next(args);
        },
        { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'dashboardUpstreamBudget', override: true },
      );
    },
  };
}
