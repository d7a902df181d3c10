import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { withBasePath } from '@/lib/url/base-path';
import { listPageSchema, type ListPage } from '@/lib/resources/page';
import { ApiError, errorFromResponse } from './api-error';

export type { ListPage };

// zod/mini loads no messages; the English ones keep "Unexpected response: ..." as readable as before.
z.config(en());

/** GETs one page from the proxy; throws ApiError on a non-2xx answer or an unexpected body. */
export async function fetchListPage<Row>(
  url: string,
  row: z.ZodMiniType<Row>,
  signal: AbortSignal,
): Promise<ListPage<Row>> {
  let response: Response;
  try {
    response = await fetch(withBasePath(url), { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError(0, 'NetworkError', 'The server could not be reached. Check your connection and retry.');
  }
  if (!response.ok) throw await errorFromResponse(response);
  const body = listPageSchema(row).safeParse(await response.json());
  if (!body.success)
    throw new ApiError(response.status, 'BadResponse', `Unexpected response: ${body.error.issues[0]?.message ?? ''}`);
  return body.data;
}
