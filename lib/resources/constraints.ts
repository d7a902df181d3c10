import * as z from 'zod/mini';

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

export const instant = z.pipe(
  z.string(),
  z.transform((value: string, ctx) => {
    const date = parseInstant(value);
    if (date) return date;
    ctx.issues.push({
      code: 'custom',
      message: 'must be an ISO 8601 time with a time zone (2026-01-31T12:00:00Z) or epoch seconds',
      input: value,
    });
    return z.NEVER;
  }),
);

export const maxResults = z.pipe(
  z.pipe(z.string().check(z.regex(/^\d+$/, 'must be a whole number from 1 to 100')), z.transform(Number)),
  z.number().check(z.int(), z.minimum(1, 'must be at least 1'), z.maximum(100, 'must be at most 100')),
);

export const nextToken = z.string().check(z.maxLength(8192, 'must be at most 8192 characters'));

export function patterned(pattern: RegExp, max: number, describe: string) {
  return z.string().check(z.maxLength(max, `must be at most ${max} characters`), z.regex(pattern, describe));
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}
