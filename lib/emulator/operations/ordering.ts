export type SortKey<T> = (item: T) => string | number;

function compareValues(a: string | number, b: string | number): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Orders by each key in turn (strings by UTF-16 code units, not locale), then reverses the
 * whole order for descending sorts, so ties are broken in the same direction as the sort.
 */
export function comparator<T>(keys: ReadonlyArray<SortKey<T>>, descending: boolean): (a: T, b: T) => number {
  const sign = descending ? -1 : 1;
  return (a, b) => {
    for (const key of keys) {
      const result = compareValues(key(a), key(b));
      if (result !== 0) return sign * result;
    }
    return 0;
  };
}

export function withinRange(value: number, after: number | undefined, before: number | undefined, inclusive: boolean) {
  if (after !== undefined && (inclusive ? value < after : value <= after)) return false;
  if (before !== undefined && (inclusive ? value > before : value >= before)) return false;
  return true;
}

export function containsIgnoringCase(value: string | undefined, part: string | undefined): boolean {
  if (part === undefined) return true;
  return value !== undefined && value.toLowerCase().includes(part.toLowerCase());
}

export function toEpochSeconds(ms: number): number {
  return ms / 1000;
}

/** A seek on a time the listing is sorted by, when it has a bound on it: see `ListOperation.seek`. */
export function timeSeek<Item>(
  sorted: boolean,
  of: (item: Item) => number,
  after: number | undefined,
  before: number | undefined,
  inclusive: boolean,
): ((item: Item) => boolean) | undefined {
  if (!sorted || (after === undefined && before === undefined)) return undefined;
  return (item) => withinRange(of(item), after, before, inclusive);
}
