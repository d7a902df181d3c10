export class ServiceError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly messageKey: 'message' | 'Message' = 'message',
  ) {
    super(message);
    this.name = code;
  }

  toBody(): Record<string, string> {
    return { __type: this.code, [this.messageKey]: this.message };
  }
}

export const validationError = (message: string) => new ServiceError('ValidationException', 400, message);

export const serializationError = (message: string) => new ServiceError('SerializationException', 400, message);

export const resourceNotFound = (message: string) => new ServiceError('ResourceNotFound', 400, message, 'Message');

export const unknownOperation = (target: string) =>
  new ServiceError('UnknownOperationException', 400, `Unknown operation: "${target}"`);

export const missingAuthentication = () =>
  new ServiceError('MissingAuthenticationTokenException', 403, 'Missing Authentication Token');

export const incompleteSignature = (message: string) => new ServiceError('IncompleteSignatureException', 400, message);

export const invalidSignature = (message: string) => new ServiceError('InvalidSignatureException', 403, message);

export const unrecognizedClient = () =>
  new ServiceError('UnrecognizedClientException', 400, 'The security token included in the request is invalid.');

export const expiredToken = () =>
  new ServiceError('ExpiredTokenException', 400, 'The security token included in the request is expired');

export const accessDenied = (caller: string, action: string) =>
  new ServiceError('AccessDeniedException', 400, `User: ${caller} is not authorized to perform: ${action}`);

export const throttling = () => new ServiceError('ThrottlingException', 400, 'Rate exceeded');

export const internalFailure = () =>
  new ServiceError('InternalFailure', 500, 'The request processing has failed because of an unknown error.');
