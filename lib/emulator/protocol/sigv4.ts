import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Credential, CredentialStore } from './credentials';
import {
  expiredToken,
  incompleteSignature,
  invalidSignature,
  missingAuthentication,
  unrecognizedClient,
  type ServiceError,
} from './errors';
import { ALGORITHM, canonicalRequest, headerValue, sha256Hex, signature, signingKey } from './sigv4-canonical';

export const SIGNING_NAME = 'sagemaker';
const MAX_SKEW_MS = 5 * 60 * 1000;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export interface SignedRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Caller {
  credential: Credential;
  region: string;
}

interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(header: string): ParsedAuthorization {
  if (!header.startsWith(`${ALGORITHM} `)) {
    throw incompleteSignature(`Authorization header must use the ${ALGORITHM} algorithm.`);
  }
  const fields = new Map<string, string>();
  for (const part of header.slice(ALGORITHM.length + 1).split(',')) {
    const at = part.indexOf('=');
    if (at > 0) fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const sig = fields.get('Signature');
  if (!credential || !signedHeaders || !sig) {
    throw incompleteSignature(
      "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.",
    );
  }
  const [accessKeyId, date, region, service, terminator, ...rest] = credential.split('/');
  if (!accessKeyId || !date || !region || !service || terminator !== 'aws4_request' || rest.length > 0) {
    throw incompleteSignature(
      `Credential must have the form <key>/<date>/<region>/<service>/aws4_request, got '${credential}'.`,
    );
  }
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature: sig };
}

function parseAmzDate(value: string | undefined): { text: string; ms: number } {
  const match = value === undefined ? null : AMZ_DATE.exec(value);
  if (!value || !match) {
    throw incompleteSignature("Authorization requires a valid 'X-Amz-Date' header (yyyyMMddTHHmmssZ).");
  }
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return { text: value, ms: Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 0, h ?? 0, mi ?? 0, s ?? 0) };
}

function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function checkClock(amzDate: string, signedAt: number, now: number): void {
  if (signedAt < now - MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - MAX_SKEW_MS)} (${formatAmzDate(now)} - 5 min.)`,
    );
  }
  if (signedAt > now + MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature expired: ${amzDate} is later than ${formatAmzDate(now + MAX_SKEW_MS)} (${formatAmzDate(now)} + 5 min.)`,
    );
  }
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** How a service words the failures that are its own; SageMaker's by default. */
export interface SigV4Dialect {
  signingName: string;
  expired: () => ServiceError;
}

const SAGEMAKER: SigV4Dialect = { signingName: SIGNING_NAME, expired: expiredToken };

export function verifySigV4(
  request: SignedRequest,
  store: CredentialStore,
  now: number,
  dialect: SigV4Dialect = SAGEMAKER,
): Caller {
  const header = headerValue(request.headers, 'authorization');
  if (header === undefined || header === '') throw missingAuthentication();
  const auth = parseAuthorization(header);
  if (auth.service !== dialect.signingName) {
    throw invalidSignature(`Credential should be scoped to correct service: '${dialect.signingName}'.`);
  }
  const credential = store.find(auth.accessKeyId);
  if (!credential) throw unrecognizedClient();

  const { text: amzDate, ms: signedAt } = parseAmzDate(headerValue(request.headers, 'x-amz-date'));
  if (amzDate.slice(0, 8) !== auth.date) {
    throw invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${amzDate.slice(0, 8)}'.`,
    );
  }
  for (const required of ['host', 'x-amz-date']) {
    if (!auth.signedHeaders.includes(required)) throw invalidSignature(`'${required}' must be a signed header.`);
  }
  const token = headerValue(request.headers, 'x-amz-security-token');
  if (token !== undefined && !auth.signedHeaders.includes('x-amz-security-token')) {
    throw invalidSignature("'x-amz-security-token' must be a signed header.");
  }
  if (credential.sessionToken !== undefined && token !== credential.sessionToken) throw unrecognizedClient();

  const payloadHash = sha256Hex(request.body);
  const declaredHash = headerValue(request.headers, 'x-amz-content-sha256');
  if (declaredHash !== undefined && declaredHash !== payloadHash) {
    throw invalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  checkClock(amzDate, signedAt, now);

  const canonical = canonicalRequest({ ...request, signedHeaders: auth.signedHeaders, payloadHash });
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const key = signingKey(credential.secretAccessKey, auth.date, auth.region, auth.service);
  const expected = signature(key, amzDate, scope, canonical);
  if (!sameHex(expected, auth.signature)) {
    throw invalidSignature(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  if (credential.expiresAt !== undefined && credential.expiresAt <= now) throw dialect.expired();
  return { credential, region: auth.region };
}
