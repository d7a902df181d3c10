import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FinalizeHandler, FinalizeHandlerArguments, MetadataBearer, Pluggable } from '@smithy/types';
import { serverEnv } from '@/lib/config/env';
import { processWide } from '@/lib/config/process-wide';
import type { CatalogSource } from '@/lib/config/sources';
import { recordBudgetUse } from '@/lib/observability/metrics';
import { reserveStart } from '@/lib/shared/budget';
import { OFFLINE, sharedStore } from '@/lib/shared/store';
import { BudgetExceededError, RateBudget, WINDOW_MS } from './rate-budget';

/** Admissions pace calls into the lanes (and refuse past the wait allowance); sends hold the actual requests. */
interface Budgets {
  admissions: RateBudget;
  sends: RateBudget;
}

/** How long a request admitted by the budget may still wait at the send gate (SDK retries, late lanes). */
const SEND_WAIT_MS = 30_000;
/** A send later than this after the store gave it its start gives the start back and asks again. */
const MAX_LATE_MS = 50;
const MAX_LATE_TRIES = 5;
/** The loop keeps time when a turn of it takes less than this. */
const PROMPT_MS = 15;

/** Resolves once a turn of the event loop is quick again (for at most a second). */
async function untilPrompt(): Promise<void> {
  const deadline = performance.now() + 1_000;
  for (;;) {
    const started = performance.now();
    await new Promise((resolve) => setImmediate(resolve));
    const now = performance.now();
    if (now - started < PROMPT_MS || now > deadline) return;
  }
}

const shared = processWide('upstream-budget', () => ({
  budgets: undefined as Budgets | undefined,
  config: '',
  /** This replica's share of the fleet's budget, for while the shared store is away. */
  fallback: undefined as { config: string; budgets: Budgets } | undefined,
}));

function budgetsOf(perSecond: number, maxWaitMs: number): Budgets {
  return { admissions: new RateBudget(perSecond, maxWaitMs), sends: new RateBudget(perSecond, SEND_WAIT_MS) };
}

/** The budgets a replica holds on its own while the fleet's store is away: its share of the fleet's. */
function fallbackBudgets(perSecond: number, maxWaitMs: number, replicas: number): Budgets {
  const share = Math.max(1, Math.floor(perSecond / Math.max(1, replicas)));
  const config = `${share}/${maxWaitMs}`;
  if (shared.fallback?.config !== config) shared.fallback = { config, budgets: budgetsOf(share, maxWaitMs) };
  return shared.fallback.budgets;
}

/** The process's budgets of SageMaker calls per account and region; undefined without UPSTREAM_MAX_RPS. */
export function upstreamBudgets(): Budgets | undefined {
  const { UPSTREAM_MAX_RPS: perSecond, UPSTREAM_BUDGET_WAIT_MS: maxWaitMs } = serverEnv();
  if (perSecond === undefined) return undefined;
  const config = `${perSecond}/${maxWaitMs}`;
  if (shared.budgets === undefined || shared.config !== config) {
    shared.budgets = budgetsOf(perSecond, maxWaitMs);
    shared.config = config;
  }
  return shared.budgets;
}

export function resetBudgetForTests(): void {
  shared.budgets = undefined;
  shared.config = '';
  shared.fallback = undefined;
}

interface Turn {
  outcome: 'given' | 'waited';
  /** Calls started in the last second: the fleet's with a shared store, else this process's. */
  started: number;
}

/**
 * One turn at a gate: from the fleet's budget in the shared store when there is one and it answers; while it
 * does not, from this replica's share of it (the budget split by the replicas last seen); without a store, from
 * this process's. Throws BudgetExceededError when the turn is further away than the gate's allowance.
 */
async function takeTurn(
  gate: 'admissions' | 'sends',
  local: RateBudget,
  source: CatalogSource,
  { maxWaitMs, signal }: { maxWaitMs: number; signal?: AbortSignal | undefined },
): Promise<Turn> {
  const store = sharedStore();
  const limit = local.perSecond;
  if (store !== undefined) {
    const name = `${gate}:${source.key}`;
    for (let attempt = 1; ; attempt += 1) {
      // A send reserves its start only while this process keeps time: one that starts late (its event loop busy
      // with a burst of requests) could crowd the calls the next window gives their starts to.
      if (gate === 'sends') await untilPrompt();
      const asked = performance.now();
      const reserved = await reserveStart(store, name, { limit, windowMs: WINDOW_MS, maxWaitMs });
      if (reserved === OFFLINE) break;
      if (!reserved.granted) throw new BudgetExceededError(source.key, limit, reserved.waitMs);
      if (reserved.waitMs > 0) await sleep(reserved.waitMs, undefined, signal === undefined ? undefined : { signal });
      const late = performance.now() - asked - reserved.waitMs;
      if (gate === 'admissions' || late <= MAX_LATE_MS || attempt >= MAX_LATE_TRIES) {
        return { outcome: reserved.waitMs > 0 || attempt > 1 ? 'waited' : 'given', started: reserved.inWindow };
      }
      await reserved.release();
    }
  }
  const own =
    store === undefined ? local : fallbackBudgets(limit, serverEnv().UPSTREAM_BUDGET_WAIT_MS, store.fleetSize())[gate];
  const outcome = await own.take(source.key, signal);
  return { outcome, started: own.startedIn(source.key) };
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
  const maxWaitMs = serverEnv().UPSTREAM_BUDGET_WAIT_MS;
  try {
    const { outcome } = await takeTurn('admissions', admissions, source, { maxWaitMs, signal });
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
 * it, whatever the lanes and retries did to the calls' timing. With a shared store the budget is the fleet's.
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
          const { started } = await takeTurn('sends', sends, source, { maxWaitMs: SEND_WAIT_MS });
          recordBudgetUse({ account, region, limit: sends.perSecond, started });
          return next(args);
        },
        { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'dashboardUpstreamBudget', override: true },
      );
    },
  };
}
