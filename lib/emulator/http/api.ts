import type { IncomingHttpHeaders } from 'node:http';
import type { CatalogProvider } from '../catalog/catalog-provider';
import type { FaultInjector } from '../faults';
import type { PagingMode } from '../operations/list-engine';
import { OPERATIONS, TARGET_PREFIX } from '../operations/registry';
import { principalOf, type CredentialStore } from '../protocol/credentials';
import { serializationError, ServiceError, unknownOperation } from '../protocol/errors';
import type { NextTokenCodec } from '../protocol/next-token';
import { verifySigV4 } from '../protocol/sigv4';
import { requestObject } from '../protocol/validation';
import { UNTARGETED } from '../stats';

export interface ApiDeps {
  credentials: CredentialStore;
  catalogs: CatalogProvider;
  tokens: NextTokenCodec;
  faults: FaultInjector;
  paging: PagingMode;
  now: () => number;
}

export interface ApiRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface ApiResult {
  operation: string;
  status: number;
  outcome: string;
  body: Record<string, unknown>;
}

function parseJsonBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw serializationError(
      `Request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return requestObject(json);
}

export function operationOf(headers: IncomingHttpHeaders): string {
  const target = headers['x-amz-target'];
  if (typeof target !== 'string') return UNTARGETED;
  return target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
}

export async function handleApi(request: ApiRequest, deps: ApiDeps): Promise<ApiResult> {
  const operation = operationOf(request.headers);
  try {
    const caller = verifySigV4(request, deps.credentials, deps.now());
    const handler = OPERATIONS.get(operation);
    const target = request.headers['x-amz-target'];
    if (!handler || typeof target !== 'string' || !target.startsWith(TARGET_PREFIX)) {
      throw unknownOperation(typeof target === 'string' ? target : '');
    }
    const body = parseJsonBody(request.body);
    const ids = { accountId: caller.credential.accountId, region: caller.region };
    await deps.faults.apply(
      operation,
      typeof body.NextToken === 'string' && body.NextToken !== '',
      principalOf(caller.credential),
      'sagemaker',
      ids,
    );
    const catalog = deps.catalogs.get(ids);
    const result = handler({ catalog, ids, tokens: deps.tokens, paging: deps.paging }, body);
    return { operation, status: 200, outcome: 'Success', body: result };
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return { operation, status: error.status, outcome: error.code, body: error.toBody() };
  }
}
