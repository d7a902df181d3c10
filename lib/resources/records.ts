/** A JSON object (not an array, not null): what an API answer, a row or a stored preference must be. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
