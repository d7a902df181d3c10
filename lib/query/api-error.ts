import { isRecord } from '@/lib/resources/records';

/** The proxy's error body, `{ error: { code, message, param?, requestId? } }`, or undefined for any other. */
function errorOf(json: unknown): { code: string; message: string; param?: string; requestId?: string } | undefined {
  const error = isRecord(json) ? json.error : undefined;
  if (!isRecord(error) || typeof error.code !== 'string' || typeof error.message !== 'string') return undefined;
  const optional = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    code: error.code,
    message: error.message,
    param: optional(error.param),
    requestId: optional(error.requestId),
  };
}

/** A non-2xx answer from the proxy, or a response the browser could not read. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { param?: string; requestId?: string; retryAfterMs?: number } = {},
  ) {
    super(message);
  }

  get retryable(): boolean {
    return (
      this.status === 429 || this.status === 502 || this.status === 503 || this.status === 504 || this.status === 0
    );
  }
}

export function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export async function errorFromResponse(response: Response): Promise<ApiError> {
  const retryAfter = retryAfterMs(response.headers.get('retry-after'));
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = errorOf(json);
  if (parsed === undefined) {
    return new ApiError(
      response.status,
      'HttpError',
      `The server answered ${response.status} ${response.statusText}`.trim(),
      {
        retryAfterMs: retryAfter,
      },
    );
  }
  const { code, message, param, requestId } = parsed;
  return new ApiError(response.status, code, message, { param, requestId, retryAfterMs: retryAfter });
}
