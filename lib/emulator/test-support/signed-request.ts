import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY } from '../config';

type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytes(data: SourceData): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

class NodeSha256 {
  private hash: Hash | Hmac;
  private readonly secret: string | Uint8Array | undefined;

  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : bytes(secret);
    this.hash = this.fresh();
  }

  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret);
  }

  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }

  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }

  reset(): void {
    this.hash = this.fresh();
  }
}

export interface RawCall {
  target?: string;
  body?: string | object;
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  region?: string;
  path?: string;
  signingDate?: Date;
  unsigned?: boolean;
  /** Applied after signing, to tamper with a signed request. */
  override?: Record<string, string>;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: Record<string, unknown>;
}

/** Signs with the SDK's own signer (an implementation independent of the emulator's verifier). */
export async function rawCall(baseUrl: string, call: RawCall): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const body = typeof call.body === 'string' ? call.body : JSON.stringify(call.body ?? {});
  const unsigned = {
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: call.path ?? '/',
    query: {},
    headers: {
      host: url.host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': call.target ?? 'SageMaker.ListImages',
    },
    body,
  };
  const signer = new SignatureV4({
    service: 'sagemaker',
    region: call.region ?? 'us-east-1',
    sha256: NodeSha256,
    credentials: {
      accessKeyId: call.accessKeyId ?? DEFAULT_ACCESS_KEY_ID,
      secretAccessKey: call.secretAccessKey ?? DEFAULT_SECRET_ACCESS_KEY,
      ...(call.sessionToken ? { sessionToken: call.sessionToken } : {}),
    },
  });
  const signed = call.unsigned ? unsigned : await signer.sign(unsigned, { signingDate: call.signingDate });
  const headers = { ...signed.headers, ...call.override };
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: 'POST', path: unsigned.path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const parsed: unknown = text ? JSON.parse(text) : {};
          const json = typeof parsed === 'object' && parsed !== null ? Object.fromEntries(Object.entries(parsed)) : {};
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, init);
  return { status: response.status, json: await response.json() };
}
