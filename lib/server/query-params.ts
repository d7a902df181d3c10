import 'server-only';
import { invalidParameter } from '@/lib/server/http/proxy-error';

/**
 * Reads the query string into one value per key: an empty value counts as absent, a repeated key is an error.
 * URLSearchParams decodes leniently (a malformed escape stays as typed), so nothing here throws on client input.
 */
export function readQueryParams(url: URL): Record<string, string> {
  const values = new Map<string, string>();
  const seen = new Set<string>();
  for (const [key, value] of url.searchParams) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      throw invalidParameter(key, `"${key}" is not a parameter of this API.`);
    }
    if (seen.has(key)) throw invalidParameter(key, `"${key}" was given more than once; give it at most once.`);
    seen.add(key);
    if (value !== '') values.set(key, value);
  }
  return Object.fromEntries(values);
}
