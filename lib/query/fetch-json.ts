import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { withBasePath } from '@/lib/url/base-path';
import { ApiError, errorFromResponse } from './api-error';

// zod/mini loads no messages; the English ones keep "Unexpected response: ..." readable.
z.config(en());

const FRESH: RequestInit = { cache: 'no-store', headers: { 'cache-control': 'no-cache' } };

/** GETs from the proxy; throws ApiError when the server cannot be reached or answers other than 2xx. */
export async function fetchOk(url: string, signal: AbortSignal, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(withBasePath(url), { signal, ...init });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError(0, 'NetworkError', 'The server could not be reached. Check your connection and retry.');
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

/**
 * GETs one answer from the proxy; throws ApiError on a non-2xx answer, no answer, or an unexpected body.
 * `fresh` asks past the browser's and the proxy's short-lived caches, as a reload does.
 */
export async function fetchJson<T>(
  url: string,
  schema: z.ZodMiniType<T>,
  signal: AbortSignal,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<T> {
  const response = await fetchOk(url, signal, fresh ? FRESH : {});
  const body = schema.safeParse(await response.json());
  if (!body.success)
    throw new ApiError(response.status, 'BadResponse', `Unexpected response: ${body.error.issues[0]?.message ?? ''}`);
  return body.data;
}
