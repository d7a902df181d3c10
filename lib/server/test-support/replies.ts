import { z } from 'zod';

export const pageReply = z.strictObject({
  items: z.array(z.record(z.string(), z.unknown())),
  nextToken: z.string().nullable(),
  budgetExhausted: z.boolean(),
  sources: z.array(
    z.strictObject({
      account: z.string(),
      accountId: z
        .string()
        .regex(/^\d{12}$/)
        .optional(),
      region: z.string(),
      status: z.enum(['ok', 'error', 'throttled']),
      error: z.strictObject({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});

export const errorReply = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    param: z.string().optional(),
    message: z.string(),
    requestId: z.string(),
  }),
});
