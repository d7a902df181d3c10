export interface EmulatorStats {
  total: number;
  byOperation: Record<string, number>;
  /** `Success` or the error code (`__type`) of the response. */
  byOutcome: Record<string, number>;
  byOperationAndOutcome: Record<string, Record<string, number>>;
  /** When each of the last calls arrived (epoch ms), oldest first, to check a caller's rate. */
  arrivals: { operation: string; at: number }[];
}

const MAX_ARRIVALS = 10_000;

/** What a call without `X-Amz-Target` (an STS call, or a malformed one) is counted as. */
export const UNTARGETED = '(none)';
const STS_OPERATIONS = new Set(['GetCallerIdentity', 'AssumeRole']);

/** The SageMaker calls the stats count, by operation, leaving out STS. */
export function sageMakerOperations(stats: EmulatorStats): Record<string, number> {
  return Object.fromEntries(Object.entries(stats.byOperation).filter(([operation]) => !STS_OPERATIONS.has(operation)));
}

/** The SageMaker calls the stats count, leaving out STS. */
export function sageMakerCallCount(stats: EmulatorStats): number {
  return Object.values(sageMakerOperations(stats)).reduce((sum, count) => sum + count, 0);
}

/** The most calls of `operation` (of every SageMaker operation when omitted) that arrived within any one second. */
export function busiestSecond(stats: EmulatorStats, operation?: string): number {
  const times = stats.arrivals
    .filter((arrival) => (operation === undefined ? arrival.operation !== UNTARGETED : arrival.operation === operation))
    .map((arrival) => arrival.at);
  return Math.max(0, ...times.map((start) => times.filter((at) => at >= start && at < start + 1_000).length));
}

function emptyStats(): EmulatorStats {
  return { total: 0, byOperation: {}, byOutcome: {}, byOperationAndOutcome: {}, arrivals: [] };
}

export class StatsRecorder {
  private stats = emptyStats();

  record(operation: string, outcome: string): void {
    const s = this.stats;
    s.total += 1;
    s.byOperation[operation] = (s.byOperation[operation] ?? 0) + 1;
    s.byOutcome[outcome] = (s.byOutcome[outcome] ?? 0) + 1;
    const perOperation = (s.byOperationAndOutcome[operation] ??= {});
    perOperation[outcome] = (perOperation[outcome] ?? 0) + 1;
  }

  arrived(operation: string, at: number): void {
    const { arrivals } = this.stats;
    arrivals.push({ operation, at });
    if (arrivals.length > MAX_ARRIVALS) arrivals.splice(0, arrivals.length - MAX_ARRIVALS);
  }

  snapshot(): EmulatorStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = emptyStats();
  }
}
