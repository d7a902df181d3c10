import { withBasePath } from '@/lib/url/base-path';
import { ApiError, errorFromResponse } from './api-error';

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

/** How to take an answer: `read` gives it, or undefined when the body is not `what` was asked for. */
export interface Answer<T> {
  what: string;
  read: (body: unknown) => T | undefined;
}

/**
 * GETs one answer from the proxy; throws ApiError on a non-2xx answer, no answer, or an unexpected body.
 * `fresh` asks past the browser's and the proxy's short-lived caches, as a reload does.
 */
export async function fetchJson<T>(
  url: string,
  answer: Answer<T>,
  signal: AbortSignal,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<T> {
  const response = await fetchOk(url, signal, fresh ? FRESH : {});
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  const body = answer.read(json);
  if (body === undefined) {
    throw new ApiError(response.status, 'BadResponse', `Unexpected response: the server did not send ${answer.what}.`);
  }
  return body;
}
