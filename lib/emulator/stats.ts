export interface EmulatorStats {
  total: number;
  byOperation: Record<string, number>;
  /** `Success` or the error code (`__type`) of the response. */
  byOutcome: Record<string, number>;
  byOperationAndOutcome: Record<string, Record<string, number>>;
}

function emptyStats(): EmulatorStats {
  return { total: 0, byOperation: {}, byOutcome: {}, byOperationAndOutcome: {} };
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

  snapshot(): EmulatorStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = emptyStats();
  }
}
