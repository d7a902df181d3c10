import 'server-only';
import type { z } from 'zod';
import type { DetailsSpec, ResourceSpec } from '../types';

/**
 * A listing as the server runs it: its spec, and the API's schemas that check what comes in (route parameters,
 * query) and what comes back (rows). They stay on the server; the browser checks its text filters with the
 * same rules (`TextRule`) and trusts the rows its own server sends.
 */
export type Listing<Row extends Record<string, unknown> = Record<string, unknown>> = Omit<
  ResourceSpec<Row>,
  'details'
> & {
  pathParams: z.ZodObject & z.ZodType<Record<string, string>>;
  query: z.ZodObject;
  row: z.ZodObject & z.ZodType<Row>;
  details?: DetailsSpec & { query: z.ZodObject };
};
