import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CredentialStore } from './credentials';
import { ServiceError } from './errors';
import { verifySigV4, type SignedRequest } from './sigv4';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
/** The captures replace the port in `host` with "<port>"; the requests were signed for this one. */
const CAPTURE_HOST = '127.0.0.1:46459';

const captures = z
  .object({
    experiments: z.record(
      z.string(),
      z.object({
        requests: z
          .array(
            z.object({
              method: z.string(),
              path: z.string(),
              rawHeaders: z.array(z.tuple([z.string(), z.string()])),
              body: z.string(),
            }),
          )
          .optional(),
      }),
    ),
  })
  .parse(JSON.parse(readFileSync(new URL('../../../../shared/spec/sdk-wire-captures.json', import.meta.url), 'utf8')));

interface Vector {
  name: string;
  request: SignedRequest;
  signedAt: number;
}

function signedAtOf(amzDate: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!m) throw new Error(`bad x-amz-date ${amzDate}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

const vectors: Vector[] = Object.entries(captures.experiments).flatMap(([name, experiment]) =>
  (experiment.requests ?? [])
    .map((r, index) => {
      const headers = Object.fromEntries(
        r.rawHeaders.map(([k, v]) => [k.toLowerCase(), k.toLowerCase() === 'host' ? CAPTURE_HOST : v]),
      );
      return {
        name: `${name}#${index}`,
        request: { method: r.method, rawPath: r.path, rawQuery: '', headers, body: Buffer.from(r.body) },
        signedAt: signedAtOf(headers['x-amz-date'] ?? ''),
      };
    })
    .filter((v) => v.request.headers.authorization !== undefined),
);

const store = new CredentialStore([
  { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET },
  { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: SECRET, sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN' },
]);

function failure(request: SignedRequest, now: number, credentials = store): ServiceError {
  try {
    verifySigV4(request, credentials, now);
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected verification to fail');
}

const first = vectors[0];
if (!first) throw new Error('no capture vectors');
const withHeaders = (extra: Record<string, string | undefined>): SignedRequest => ({
  ...first.request,
  headers: { ...first.request.headers, ...extra },
});

describe('SigV4 verification against the SDK captures', () => {
  it('has every signed capture as a vector, including the session-token one', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(40);
    expect(vectors.some((v) => v.request.headers['x-amz-security-token'] !== undefined)).toBe(true);
  });

  it.each(vectors.map((v) => [v.name, v] as const))('verifies %s', (_name, vector) => {
    const caller = verifySigV4(vector.request, store, vector.signedAt + 30_000);
    expect(caller.region).toBe('us-west-2');
    expect(caller.credential.accountId).toMatch(/^\d{12}$/);
  });

  it('rejects a tampered body whose declared hash no longer matches', () => {
    const error = failure({ ...first.request, body: Buffer.from('{"MaxResults":6}') }, first.signedAt);
    expect(error.code).toBe('InvalidSignatureException');
    expect(error.message).toContain('x-amz-content-sha256');
  });

  it('rejects a tampered body when the hash header is dropped too', () => {
    const headers = { ...first.request.headers };
    delete headers['x-amz-content-sha256'];
    const error = failure({ ...first.request, headers, body: Buffer.from('{}') }, first.signedAt);
    expect([error.code, error.status]).toEqual(['InvalidSignatureException', 403]);
    expect(error.message).toContain('signature we calculated does not match');
  });

  it('rejects a tampered signed header', () => {
    const error = failure(withHeaders({ 'x-amz-target': 'SageMaker.ListModelPackages' }), first.signedAt);
    expect(error.code).toBe('InvalidSignatureException');
  });

  it('rejects a tampered x-amz-date inside the allowed skew', () => {
    const error = failure(withHeaders({ 'x-amz-date': '20261124T131716Z' }), first.signedAt);
    expect(error.message).toContain('signature we calculated does not match');
  });

  it.each([
    ['past', -6 * 60_000],
    ['future', 6 * 60_000],
  ])('rejects a date more than 5 minutes in the %s as expired', (_label, offset) => {
    const error = failure(first.request, first.signedAt - offset);
    expect([error.code, error.status]).toEqual(['InvalidSignatureException', 403]);
    expect(error.message).toContain('Signature expired');
  });

  it('accepts a date just inside the 5 minute window', () => {
    expect(() => verifySigV4(first.request, store, first.signedAt + 4 * 60_000)).not.toThrow();
  });

  it('rejects an unknown access key with UnrecognizedClientException (400)', () => {
    const error = failure(
      first.request,
      first.signedAt,
      new CredentialStore([{ accessKeyId: 'AKIDOTHER', secretAccessKey: SECRET }]),
    );
    expect([error.code, error.status]).toEqual(['UnrecognizedClientException', 400]);
  });

  it('rejects the right key with a different secret', () => {
    const other = new CredentialStore([{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: `${SECRET}x` }]);
    expect(failure(first.request, first.signedAt, other).code).toBe('InvalidSignatureException');
  });

  it('asks for authentication when there is no Authorization header', () => {
    const error = failure(withHeaders({ authorization: undefined }), first.signedAt);
    expect([error.code, error.status]).toEqual(['MissingAuthenticationTokenException', 403]);
  });

  it('rejects a credential scoped to another service', () => {
    const auth = String(first.request.headers.authorization).replace('/sagemaker/', '/s3/');
    expect(failure(withHeaders({ authorization: auth }), first.signedAt).message).toContain("'sagemaker'");
  });

  it('rejects a malformed Authorization header as incomplete', () => {
    expect(
      failure(withHeaders({ authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE' }), first.signedAt).code,
    ).toBe('IncompleteSignatureException');
  });

  it('checks the session token bound to a credential', () => {
    const session = vectors.find((v) => v.request.headers['x-amz-security-token'] !== undefined);
    if (!session) throw new Error('no session vector');
    const tampered = { ...session.request, headers: { ...session.request.headers, 'x-amz-security-token': 'other' } };
    expect(failure(tampered, session.signedAt).code).toBe('UnrecognizedClientException');
  });

  it('requires a security token to be signed', () => {
    expect(failure(withHeaders({ 'x-amz-security-token': 'unsigned' }), first.signedAt).message).toContain(
      'x-amz-security-token',
    );
  });
});
