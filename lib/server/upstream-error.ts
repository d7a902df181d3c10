import 'server-only';
import { z } from 'zod';
import { ConfigError } from '@/lib/config/env';
import { LaneFullError } from '@/lib/sagemaker/lanes';
import { BudgetExceededError } from '@/lib/sagemaker/rate-budget';
import { UpstreamShapeError } from '@/lib/sagemaker/list-operation';
import { ProxyError } from '@/lib/server/http/proxy-error';

const sdkError = z.looseObject({
  name: z.string().catch('Error'),
  message: z.string().catch(''),
  code: z.string().optional().catch(undefined),
  $fault: z.string().optional().catch(undefined),
  $metadata: z
    .object({ httpStatusCode: z.number().optional(), requestId: z.string().optional() })
    .optional()
    .catch(undefined),
});

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'LimitExceededException',
  'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'PriorRequestNotComplete',
  'TransactionInProgressException',
]);
const ACCESS_DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'NotAuthorized', 'UnauthorizedOperation']);
const BAD_CREDENTIALS = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
]);
const TIMEOUTS = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export const THROTTLED_RETRY_AFTER_SECONDS = 2;

export interface UpstreamContext {
  operation: string;
  iamAction: string;
  /** Names of the parameters the client sent, to attribute upstream validation errors. */
  requestParams: readonly string[];
}

function validationParam(message: string, params: readonly string[]): string | undefined {
  return params.find((param) => message.includes(param)) ?? params.find((param) => param === 'NextToken');
}

/** Maps an error thrown by the SDK (or by the row mapper) to the proxy's error contract. */
export function fromUpstream(error: unknown, context: UpstreamContext): ProxyError {
  if (error instanceof ProxyError) return error;
  if (error instanceof ConfigError) return new ProxyError(500, 'NotConfigured', error.message, { cause: error });
  const parsed = sdkError.safeParse(error);
  if (!parsed.success) return new ProxyError(500, 'Internal', 'Unexpected internal error.', { cause: error });
  const { name, message, code, $fault, $metadata } = parsed.data;
  const status = $metadata?.httpStatusCode;
  const details = { upstreamRequestId: $metadata?.requestId, upstreamCode: name, cause: error };

  if (error instanceof BudgetExceededError) {
    const seconds = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
    return new ProxyError(
      429,
      'Throttled',
      `The dashboard keeps to ${error.perSecond} SageMaker calls per second for this account and region ` +
        `(UPSTREAM_MAX_RPS), and that budget is spent; retry in ${seconds} s.`,
      { cause: error, headers: { 'Retry-After': String(seconds) } },
    );
  }
  if (error instanceof LaneFullError) {
    return new ProxyError(
      503,
      'UpstreamBusy',
      `Too many ${context.operation} calls are waiting on SageMaker; retry shortly.`,
      { cause: error, headers: { 'Retry-After': String(THROTTLED_RETRY_AFTER_SECONDS) } },
    );
  }
  if (error instanceof UpstreamShapeError) {
    return new ProxyError(
      502,
      'UpstreamError',
      `SageMaker returned an item the proxy cannot read: ${message}`,
      details,
    );
  }
  if (name === 'SyntaxError' && status !== undefined) {
    return new ProxyError(
      502,
      'UpstreamError',
      `SageMaker answered HTTP ${status} with a body that is not JSON: an error page from a proxy in between, ` +
        'or an endpoint that does not serve this API.',
      details,
    );
  }
  if (name === 'CredentialsProviderError') {
    return new ProxyError(
      500,
      'NotConfigured',
      'No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, on the server.',
      details,
    );
  }
  if (message.includes('Region is missing')) {
    return new ProxyError(500, 'NotConfigured', 'No AWS region configured. Set AWS_REGION on the server.', details);
  }
  if (name === 'ResourceNotFound') return new ProxyError(404, 'NotFound', message, details);
  if (THROTTLING.has(name) || status === 429) {
    return new ProxyError(429, 'Throttled', 'SageMaker is throttling requests; retry later.', {
      ...details,
      headers: { 'Retry-After': String(THROTTLED_RETRY_AFTER_SECONDS) },
    });
  }
  if (ACCESS_DENIED.has(name) && message.includes('sts:AssumeRole')) {
    const role = /on resource: (arn:\S+)/.exec(message)?.[1] ?? "the account's role";
    return new ProxyError(
      403,
      'AccessDenied',
      `The server may not assume ${role} (sts:AssumeRole is denied).`,
      details,
    );
  }
  if (ACCESS_DENIED.has(name)) {
    return new ProxyError(
      403,
      'AccessDenied',
      `The server's AWS identity is not allowed to call ${context.iamAction}.`,
      details,
    );
  }
  if (BAD_CREDENTIALS.has(name)) {
    return new ProxyError(
      500,
      'InvalidCredentials',
      `SageMaker rejected the server's AWS credentials (${name}). Check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or AWS_PROFILE.`,
      details,
    );
  }
  if (name === 'ValidationException') {
    return new ProxyError(400, 'UpstreamValidation', message, {
      ...details,
      param: validationParam(message, context.requestParams),
    });
  }
  if (TIMEOUTS.has(name) || code === 'ETIMEDOUT') {
    return new ProxyError(504, 'UpstreamTimeout', 'SageMaker did not answer in time.', details);
  }
  if (code !== undefined && NETWORK_CODES.has(code)) {
    return new ProxyError(502, 'UpstreamUnavailable', `Cannot reach SageMaker (${code}).`, details);
  }
  if (status !== undefined || $fault !== undefined) {
    return new ProxyError(
      502,
      'UpstreamError',
      `SageMaker answered with an error (${name}${status ? ` ${status}` : ''}).`,
      details,
    );
  }
  return new ProxyError(500, 'Internal', 'Unexpected internal error.', { cause: error });
}
