import { z } from 'zod';

export const pageReply = z.strictObject({
  items: z.array(z.record(z.string(), z.unknown())),
  nextToken: z.string().nullable(),
  budgetExhausted: z.boolean(),
});

export const errorReply = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    param: z.string().optional(),
    message: z.string(),
    requestId: z.string(),
  }),
});
