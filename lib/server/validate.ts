import 'server-only';
import { z } from 'zod';
import { invalidParameter, type ProxyError } from '@/lib/server/http/proxy-error';

function toProxyError(error: z.core.$ZodError, fallbackParam: string): ProxyError {
  const issue = error.issues[0];
  if (issue === undefined) return invalidParameter(fallbackParam, 'is invalid');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? fallbackParam;
    return invalidParameter(key, `Unknown parameter "${key}".`);
  }
  const param = typeof issue.path[0] === 'string' ? issue.path[0] : fallbackParam;
  return invalidParameter(param, `${param} ${issue.message}`);
}

/** Parses with a spec's schema; the first problem becomes a 400 naming the parameter. */
export function parseOrThrow<T>(schema: z.core.$ZodType<T>, input: unknown, fallbackParam: string): T {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  throw toProxyError(result.error, fallbackParam);
}
