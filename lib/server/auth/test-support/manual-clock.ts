/** A clock that only moves when told to, for time-based limits. */
export class ManualClock {
  private current = 1_000_000;

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
