import * as z from 'zod/mini';

export const IMAGE_NAME_PATTERN = /^[a-zA-Z0-9]([-.]?[a-zA-Z0-9]){0,62}$/;
export const IMAGE_NAME_CONTAINS_PATTERN = /^[a-zA-Z0-9\-.]+$/;
/** NameContains of the model registry APIs: a part of an entity name. */
export const ENTITY_NAME_CONTAINS_PATTERN = /^[a-zA-Z0-9-]+$/;

/** A part of an entity name, as the model registry's NameContains members take it. */
export function entityNameContains() {
  return patterned(ENTITY_NAME_CONTAINS_PATTERN, 63, 'may contain only letters, digits and "-"');
}
/** DescribeModelPackage's name: a name, `group/version`, or an ARN. */
export const VERSIONED_ARN_OR_NAME_PATTERN =
  /^(arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:[a-z-]*\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)(\/[0-9]{1,9})?$/;
export const ARN_OR_NAME_PATTERN =
  /^(arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:[a-z-]*\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)$/;

const EPOCH_SECONDS = /^\d{1,12}(\.\d{1,9})?$/;
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:Z|([+-])(\d{2}):?(\d{2})))?$/;

/** Epoch seconds, or an ISO 8601 date or time with a zone; every field must exist on the calendar (no 30 February). */
export function parseInstant(value: string): Date | undefined {
  if (EPOCH_SECONDS.test(value)) return new Date(Math.round(Number(value) * 1000));
  const match = ISO_8601.exec(value);
  if (match === null) return undefined;
  const field = (index: number) => Number(match[index] ?? 0);
  const [year, month, day, hour, minute, second] = [field(1), field(2), field(3), field(4), field(5), field(6)];
  const [offsetHours, offsetMinutes] = [field(9), field(10)];
  const fraction = Math.round(field(7) * 1000);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, fraction);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const real =
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    offsetHours < 24 &&
    offsetMinutes < 60;
  if (!real) return undefined;
  const offset = (match[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return new Date(utc - offset);
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

export const imageNameParam = patterned(
  IMAGE_NAME_PATTERN,
  63,
  'must be 1 to 63 letters or digits, with single "-" or "." between them',
);

export const wholeNumber = z.pipe(
  z.string().check(z.regex(/^\d{1,10}$/, 'must be a whole number')),
  z.transform(Number),
);

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}
