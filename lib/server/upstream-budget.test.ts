import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@/lib/emulator';
import { renderMetrics } from '@/lib/observability/metrics';
import { callRoute } from './test-support/routes';
import { busiestSecond, startProxyWithEmulator, stopProxyAndEmulator } from './test-support/harness';

let emulator: RunningEmulator | undefined;

afterEach(async () => {
  await stopProxyAndEmulator(emulator);
  emulator = undefined;
});

/** The refusals the metrics count for the default source; the registry lives as long as the process. */
async function refusalsCounted(): Promise<number> {
  const { body } = await renderMetrics();
  const found = /^dashboard_upstream_budget_refusals_total\{account="default",region="us-east-1"\} (\d+)$/m.exec(body);
  return Number(found?.[1] ?? 0);
}

describe('the upstream rate budget (UPSTREAM_MAX_RPS)', () => {
  it('keeps a burst of distinct requests within the budget in every second, and never answers 5xx', async () => {
    emulator = await startProxyWithEmulator({}, { UPSTREAM_MAX_RPS: '10', UPSTREAM_BUDGET_WAIT_MS: '1500' });
    // More than the lanes hold at once: the calls over the budget wait for it, not in the lanes.
    const answers = await Promise.all(
      Array.from({ length: 150 }, (_, index) => callRoute('images', `NameContains=b${index}&MaxResults=5`)),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(10);
    expect(busiestSecond(emulator, 'ListImages')).toBeLessThanOrEqual(10);
    expect(busiestSecond(emulator, 'ListImages')).toBeGreaterThanOrEqual(5);
    const { body } = await renderMetrics();
    expect(body).toMatch(/^dashboard_upstream_budget_limit 10$/m);
    expect(body).toMatch(/^dashboard_upstream_budget_waits_total\{account="default",region="us-east-1"\} [1-9]\d*$/m);
  });

  it('refuses a call whose turn is further away than UPSTREAM_BUDGET_WAIT_MS with 429 and Retry-After', async () => {
    emulator = await startProxyWithEmulator({}, { UPSTREAM_MAX_RPS: '2', UPSTREAM_BUDGET_WAIT_MS: '0' });
    const before = await refusalsCounted();
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, index) => callRoute('images', `NameContains=r${index}&MaxResults=5`)),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(2);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(3);
    for (const answer of refused) {
      const seconds = Number(answer.headers.get('retry-after'));
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(3);
      expect(answer.body).toMatchObject({
        error: { code: 'Throttled', message: expect.stringContaining('UPSTREAM_MAX_RPS') },
      });
    }
    expect(emulator.stats().byOperation.ListImages).toBe(2);
    // The two pages given may have asked for more (following short pages), and been refused too.
    expect((await refusalsCounted()) - before).toBeGreaterThanOrEqual(3);
  });

  it('without UPSTREAM_MAX_RPS sets no budget', async () => {
    emulator = await startProxyWithEmulator();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, index) => callRoute('images', `NameContains=n${index}&MaxResults=5`)),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(busiestSecond(emulator, 'ListImages')).toBeGreaterThan(10);
  });
});
