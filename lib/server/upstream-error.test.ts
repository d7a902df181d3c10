import { describe, expect, it } from 'vitest';
import { UpstreamShapeError } from '@/lib/sagemaker/list-operation';
import { fromUpstream } from './upstream-error';

const context = {
  operation: 'ListModelPackages',
  iamAction: 'sagemaker:ListModelPackages',
  requestParams: ['NameContains', 'NextToken'],
};

function sdkError(name: string, status: number | undefined, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(`${name} happened`), {
    name,
    $fault: status !== undefined && status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, requestId: 'upstream-1' },
    ...extra,
  });
}

describe('fromUpstream', () => {
  it.each([
    ['ResourceNotFound', 400, 404, 'NotFound'],
    ['ValidationException', 400, 400, 'UpstreamValidation'],
    ['ThrottlingException', 400, 429, 'Throttled'],
    ['TooManyRequests', 429, 429, 'Throttled'],
    ['AccessDeniedException', 400, 403, 'AccessDenied'],
    ['UnrecognizedClientException', 400, 500, 'InvalidCredentials'],
    ['InvalidSignatureException', 403, 500, 'InvalidCredentials'],
    ['InvalidClientTokenId', 403, 500, 'InvalidCredentials'],
    ['ExpiredTokenException', 400, 500, 'InvalidCredentials'],
    ['InternalFailure', 500, 502, 'UpstreamError'],
    ['ServiceUnavailable', 503, 502, 'UpstreamError'],
    ['NotImplemented', 501, 502, 'UpstreamError'],
    ['SomeNewClientError', 400, 502, 'UpstreamError'],
  ])('maps %s (%i) to %i %s', (name, status, proxyStatus, code) => {
    const error = fromUpstream(sdkError(name, status), context);
    expect([error.status, error.code]).toEqual([proxyStatus, code]);
    expect(error.details.upstreamRequestId).toBe('upstream-1');
  });

  it('names the IAM action when access is denied', () => {
    expect(fromUpstream(sdkError('AccessDeniedException', 400), context).message).toContain(
      'sagemaker:ListModelPackages',
    );
  });

  it('attributes upstream validation to a parameter the message names, else to NextToken', () => {
    const named = sdkError('ValidationException', 400, { message: 'NameContains is too long' });
    expect(fromUpstream(named, context).details.param).toBe('NameContains');
    expect(fromUpstream(sdkError('ValidationException', 400), context).details.param).toBe('NextToken');
  });

  it.each([
    [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      502,
      'UpstreamUnavailable',
    ],
    [Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' }), 502, 'UpstreamUnavailable'],
    [Object.assign(new Error('timed out'), { name: 'TimeoutError' }), 504, 'UpstreamTimeout'],
    [
      Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }),
      500,
      'NotConfigured',
    ],
    [new Error('Region is missing'), 500, 'NotConfigured'],
    [new UpstreamShapeError('item 0: CreationTime missing'), 502, 'UpstreamError'],
    [new TypeError('a bug'), 500, 'Internal'],
    ['a string', 500, 'Internal'],
  ])('maps %o to %i %s without leaking internals', (thrown, status, code) => {
    const error = fromUpstream(thrown, context);
    expect([error.status, error.code]).toEqual([status, code]);
    expect(error.message).not.toContain('a bug');
  });
});
