import 'server-only';

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/** SDK output to JSON: `Date`s become ISO 8601 strings, `undefined` members are dropped. */
export function toJsonShape(value: unknown): Plain | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toJsonShape(item) ?? null);
  const result: { [key: string]: Plain } = {};
  for (const [key, member] of Object.entries(value)) {
    const mapped = toJsonShape(member);
    if (mapped !== undefined) result[key] = mapped;
  }
  return result;
}
