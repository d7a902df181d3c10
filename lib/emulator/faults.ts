import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { accessDenied, internalFailure, throttling } from './protocol/errors';

const rate = z.number().min(0).max(1);
const millis = z.number().int().min(0).max(600_000);

export const faultSettingsSchema = z.strictObject({
  latencyMs: z
    .union([millis, z.tuple([millis, millis]).refine(([min, max]) => min <= max, 'range must be [min, max]')])
    .optional(),
  throttleRate: rate.optional(),
  errorRate: rate.optional(),
  operations: z.array(z.string().min(1)).optional(),
  onlyWithNextToken: z.boolean().optional(),
  /** Only calls to these accounts (12-digit ids) and regions get the latency and failures. */
  accounts: z.array(z.string().regex(/^\d{12}$/)).optional(),
  regions: z.array(z.string().min(1)).optional(),
  /** Operations answered AccessDeniedException, as for an identity whose policy lacks them. */
  denyOperations: z.array(z.string().min(1)).optional(),
});

export type FaultSettings = z.infer<typeof faultSettingsSchema>;

function latencyOf(latency: FaultSettings['latencyMs'], random: () => number): number {
  if (latency === undefined) return 0;
  if (typeof latency === 'number') return latency;
  const [min, max] = latency;
  return min + Math.floor(random() * (max - min + 1));
}

export class FaultInjector {
  private current: FaultSettings;

  constructor(
    private readonly configured: FaultSettings,
    private readonly random: () => number = Math.random,
  ) {
    this.current = configured;
  }

  get settings(): FaultSettings {
    return this.current;
  }

  set(settings: FaultSettings): void {
    this.current = faultSettingsSchema.parse(settings);
  }

  reset(): void {
    this.current = this.configured;
  }

  /** Waits for the configured latency, then maybe fails the request. */
  async apply(
    operation: string,
    hasNextToken: boolean,
    caller: string,
    service = 'sagemaker',
    source?: { accountId: string; region: string },
  ): Promise<void> {
    const f = this.current;
    if (f.denyOperations?.includes(operation) === true) throw accessDenied(caller, `${service}:${operation}`);
    if (f.operations !== undefined && !f.operations.includes(operation)) return;
    if (source !== undefined && f.accounts !== undefined && !f.accounts.includes(source.accountId)) return;
    if (source !== undefined && f.regions !== undefined && !f.regions.includes(source.region)) return;
    if (f.onlyWithNextToken === true && !hasNextToken) return;
    const delay = latencyOf(f.latencyMs, this.random);
    if (delay > 0) await sleep(delay);
    if (f.throttleRate !== undefined && this.random() < f.throttleRate) throw throttling();
    if (f.errorRate !== undefined && this.random() < f.errorRate) throw internalFailure();
  }
}
