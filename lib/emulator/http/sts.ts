import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { principalOf, type CredentialStore } from '../protocol/credentials';
import { ServiceError } from '../protocol/errors';
import { formParams, xmlDocument } from '../protocol/query';
import { verifySigV4 } from '../protocol/sigv4';
import { STS_NAMESPACE, STS_OPERATIONS, STS_VERSION } from '../operations/sts';
import type { FaultInjector } from '../faults';
import type { ApiRequest } from './api';
import { UNTARGETED } from '../stats';

export interface StsDeps {
  credentials: CredentialStore;
  roles: ReadonlySet<string> | undefined;
  faults: FaultInjector;
  now: () => number;
}

/** SageMaker's names for the failures every service shares, as STS spells them. */
const STS_CODES: Readonly<Record<string, { code: string; status: number }>> = {
  ValidationException: { code: 'ValidationError', status: 400 },
  InvalidSignatureException: { code: 'SignatureDoesNotMatch', status: 403 },
  UnrecognizedClientException: { code: 'InvalidClientTokenId', status: 403 },
  MissingAuthenticationTokenException: { code: 'MissingAuthenticationToken', status: 403 },
  IncompleteSignatureException: { code: 'IncompleteSignature', status: 400 },
  ThrottlingException: { code: 'Throttling', status: 400 },
  AccessDeniedException: { code: 'AccessDenied', status: 403 },
  InternalFailure: { code: 'InternalFailure', status: 500 },
};

const expired = () => new ServiceError('ExpiredToken', 400, 'The security token included in the request is expired');

function stsError(error: ServiceError): ServiceError {
  const mapped = STS_CODES[error.code];
  return mapped === undefined ? error : new ServiceError(mapped.code, mapped.status, error.message);
}

export interface StsResult {
  operation: string;
  status: number;
  outcome: string;
  xml: string;
}

/** One STS call on the Query protocol: Action and Version in a form body, SigV4 with signing name `sts`. */
export async function handleSts(request: ApiRequest, deps: StsDeps): Promise<StsResult> {
  const requestId = randomUUID();
  let operation = UNTARGETED;
  try {
    const params = formParams(request.body);
    operation = params.Action ?? UNTARGETED;
    const caller = verifySigV4(request, deps.credentials, deps.now(), { signingName: 'sts', expired });
    const handler = STS_OPERATIONS.get(operation);
    if (handler === undefined || params.Version !== STS_VERSION) {
      const version = params.Version ?? '';
      throw new ServiceError('InvalidAction', 400, `Could not find operation ${operation} for version ${version}`);
    }
    // Faults reach STS only when they name its operations, so SageMaker faults never block role assumption.
    const { operations, denyOperations } = deps.faults.settings;
    if (operations?.includes(operation) === true || denyOperations?.includes(operation) === true) {
      await deps.faults.apply(operation, false, principalOf(caller.credential), 'sts');
    }
    const result = handler(
      { caller: caller.credential, credentials: deps.credentials, roles: deps.roles, now: deps.now() },
      params,
    );
    const xml = xmlDocument(`${operation}Response`, STS_NAMESPACE, {
      [`${operation}Result`]: result,
      ResponseMetadata: { RequestId: requestId },
    });
    return { operation, status: 200, outcome: 'Success', xml };
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    const failure = stsError(error);
    const type = failure.status >= 500 ? 'Receiver' : 'Sender';
    const xml = xmlDocument('ErrorResponse', STS_NAMESPACE, {
      Error: { Type: type, Code: failure.code, Message: failure.message },
      RequestId: requestId,
    });
    return { operation, status: failure.status, outcome: failure.code, xml };
  }
}

export function sendXml(response: ServerResponse, status: number, xml: string, now: number): void {
  response.writeHead(status, {
    'Content-Type': 'text/xml',
    'Content-Length': Buffer.byteLength(xml),
    'x-amzn-RequestId': /<RequestId>([^<]+)<\/RequestId>/.exec(xml)?.[1] ?? randomUUID(),
    Date: new Date(now).toUTCString(),
  });
  response.end(xml);
}
