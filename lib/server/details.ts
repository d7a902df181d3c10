import 'server-only';
import { detailsFields } from '@/lib/resources/schemas/registry';
import type { Listing } from '@/lib/resources/schemas/listing';
import type { DetailsSpec } from '@/lib/resources/types';
import { describe } from '@/lib/sagemaker/describe-operation';
import { cacheKey } from './cache-key';
import { answerThrough, type Caller } from './listing';
import type { CacheResult } from './page-cache';
import type { CatalogSource } from '@/lib/config/sources';
import { listedIn } from './sources';

/**
 * One row's details: the spec's Describe call to the row's own source through the one data path, its answer cut
 * to the fields shown, and the listing's row when the answer holds one (a link to a row the browser has not
 * loaded shows it).
 */
export function describeThrough(
  spec: Pick<Listing, 'id' | 'row'> & { details: DetailsSpec },
  input: Record<string, unknown>,
  caller: Caller,
  source: CatalogSource,
): Promise<CacheResult> {
  const { operation } = spec.details;
  const key = (identity: string) => cacheKey(`details:${spec.id}`, identity, input);
  return answerThrough(
    { operation },
    input,
    caller,
    key,
    async (backend, signal) => {
      const { item, requestId } = await describe(backend, { operation, input, fields: detailsFields(spec), signal });
      const row = spec.row.safeParse(item);
      return {
        entry: {
          body: JSON.stringify({ item, ...(row.success ? { row: { ...row.data, ...listedIn(source) } } : {}) }),
          upstreamCalls: 1,
          upstreamRequestIds: requestId === undefined ? [] : [requestId],
        },
        cacheable: true,
      };
    },
    source,
  );
}
