import * as z from 'zod/mini';

/** One page of a listing as the proxy answers it: the API's items, the cursor, and whether following stopped. */
export interface ListPage<Row> {
  items: Row[];
  nextToken: string | null;
  budgetExhausted: boolean;
}

export function listPageSchema<Row>(row: z.core.$ZodType<Row>) {
  return z.object({ items: z.array(row), nextToken: z.nullable(z.string()), budgetExhausted: z.boolean() });
}
