import { z } from 'zod';

export const IMAGE_NAME_PATTERN = /^[a-zA-Z0-9]([-.]?[a-zA-Z0-9]){0,62}$/;
export const IMAGE_NAME_CONTAINS_PATTERN = /^[a-zA-Z0-9\-.]+$/;
export const MODEL_PACKAGE_NAME_CONTAINS_PATTERN = /^[a-zA-Z0-9-]+$/;
export const ARN_OR_NAME_PATTERN =
  /^(arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:[a-z-]*\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)$/;

const EPOCH_SECONDS = /^\d{1,12}(\.\d{1,9})?$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

export function parseInstant(value: string): Date | undefined {
  if (EPOCH_SECONDS.test(value)) return new Date(Math.round(Number(value) * 1000));
  if (!ISO_8601.test(value)) return undefined;
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export const instant = z.string().transform((value, ctx) => {
  const date = parseInstant(value);
  if (date) return date;
  ctx.addIssue({
    code: 'custom',
    message: 'must be an ISO 8601 time with a time zone (2026-01-31T12:00:00Z) or epoch seconds',
  });
  return z.NEVER;
});

export const maxResults = z
  .string()
  .regex(/^\d+$/, 'must be a whole number from 1 to 100')
  .transform(Number)
  .pipe(z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'));

export const nextToken = z.string().max(8192, 'must be at most 8192 characters');

export function patterned(pattern: RegExp, max: number, describe: string) {
  return z.string().max(max, `must be at most ${max} characters`).regex(pattern, describe);
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}
