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
