import 'server-only';
import { z } from 'zod';
import { IMAGE_NAME, parseInstant, type TextRule } from '../constraints';
import { SOURCE_STATES } from '../page';

/** A text parameter as the API takes it; its messages are the ones the browser checks with (`textProblem`). */
export function text(rule: TextRule) {
  return z.string().max(rule.max, `must be at most ${rule.max} characters`).regex(rule.pattern, rule.message);
}

export const instant = z.string().transform((value, ctx) => {
  const date = parseInstant(value);
  if (date) return date;
  ctx.issues.push({
    code: 'custom',
    message: 'must be an ISO 8601 time with a time zone (2026-01-31T12:00:00Z) or epoch seconds',
    input: value,
  });
  return z.NEVER;
});

export const maxResults = z
  .string()
  .regex(/^\d+$/, 'must be a whole number from 1 to 100')
  .transform(Number)
  .pipe(z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'));

export const nextToken = z.string().max(8192, 'must be at most 8192 characters');

export const imageNameParam = text(IMAGE_NAME);

export const wholeNumber = z
  .string()
  .regex(/^\d{1,10}$/, 'must be a whole number')
  .transform(Number);

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}

export const pageParams = { MaxResults: maxResults.optional(), NextToken: nextToken.optional() };

export const creationTimeParams = { CreationTimeAfter: instant.optional(), CreationTimeBefore: instant.optional() };

export const lastModifiedTimeParams = {
  LastModifiedTimeAfter: instant.optional(),
  LastModifiedTimeBefore: instant.optional(),
};

/** What every item of a listing gains, in every row: where it was listed. */
export const sourceFields = {
  AccountId: z.string().optional(),
  AccountName: z.string().optional(),
  Region: z.string().optional(),
};

const sourceStatus = z.object({
  account: z.string(),
  accountId: z.string().optional(),
  region: z.string(),
  status: z.enum(SOURCE_STATES),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

/** One page of a listing as the proxy answers it (`ListPage`), its items checked against a row schema. */
export function listPageSchema<Row>(row: z.core.$ZodType<Row>) {
  return z.object({
    items: z.array(row),
    nextToken: z.string().nullable(),
    budgetExhausted: z.boolean(),
    sources: z.array(sourceStatus),
  });
}
