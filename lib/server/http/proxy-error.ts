import 'server-only';

export type ProxyErrorCode =
  | 'InvalidParameter'
  | 'NotFound'
  | 'UpstreamValidation'
  | 'Throttled'
  | 'AccessDenied'
  | 'NotConfigured'
  | 'InvalidCredentials'
  | 'UpstreamTimeout'
  | 'UpstreamUnavailable'
  | 'UpstreamBusy'
  | 'ClientClosedRequest'
  | 'UpstreamError'
  | 'MethodNotAllowed'
  | 'Unauthenticated'
  | 'Forbidden'
  | 'AuthUnavailable'
  | 'Internal';

export interface ProxyErrorDetails {
  param?: string;
  headers?: Record<string, string>;
  upstreamRequestId?: string;
  upstreamCode?: string;
  cause?: unknown;
}

/** An error the proxy answers with; `message` is safe to show to the browser. */
export class ProxyError extends Error {
  override readonly name = 'ProxyError';

  /** By name: Next bundles this module more than once, and an error may come from another bundle's class. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'ProxyError';
  }

  constructor(
    readonly status: number,
    readonly code: ProxyErrorCode,
    message: string,
    readonly details: ProxyErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }
}

export function invalidParameter(param: string, message: string): ProxyError {
  return new ProxyError(400, 'InvalidParameter', message, { param });
}
