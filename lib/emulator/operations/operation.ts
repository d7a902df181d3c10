import type { z } from 'zod';
import type { Catalog } from '../catalog/types';

export interface PageInput {
  MaxResults?: number;
  NextToken?: string;
}

/** Everything that makes one List API different from another. */
export interface ListOperation<Input extends PageInput, Item> {
  name: string;
  resultKey: string;
  defaultMaxResults: number;
  input: z.ZodType<Input, unknown>;
  /** The collection a page scans (an index lookup: filters here never produce short pages). */
  scope(catalog: Catalog, input: Input): { key: string; items: readonly Item[] };
  order(input: Input): { key: string; compare: (a: Item, b: Item) => number };
  /**
   * The time bounds an index on the sort key answers: when the listing is sorted by a time it has bounds on,
   * only that range is scanned (as a key condition is), and the other filters still apply per window.
   */
  seek?(input: Input): ((item: Item) => boolean) | undefined;
  /** Filters applied to each scanned window. */
  matches(input: Input): (item: Item) => boolean;
  toWire(item: Item): Record<string, unknown>;
}
