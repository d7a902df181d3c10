import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { internalFailure, ServiceError } from '../protocol/errors';
import type { StatsRecorder } from '../stats';
import { handleApi, operationOf, type ApiDeps } from './api';
import { CONTROL_PREFIX, handleControl } from './control';
import { isLoopback, readBody, sendJson } from './io';
import { handleSts, sendXml } from './sts';
import { isFormRequest } from '../protocol/query';

/** The outcome recorded for a call whose client hung up before the answer was ready. */
export const CLIENT_CLOSED = 'ClientClosed';

export interface ServerDeps extends ApiDeps {
  stats: StatsRecorder;
  pathPrefix: string | undefined;
  /** Role ARNs AssumeRole knows; undefined lets any well-formed role ARN be assumed. */
  roles: ReadonlySet<string> | undefined;
}

function isApiPath(path: string, prefix: string | undefined): boolean {
  return path === '/' || (prefix !== undefined && (path === prefix || path === `${prefix}/`));
}

async function route(request: IncomingMessage, response: ServerResponse, deps: ServerDeps): Promise<void> {
  // When its headers came in: the call's arrival, before this process reads or answers it (or others before it).
  const arrivedAt = Date.now();
  const url = request.url ?? '/';
  const at = url.indexOf('?');
  const rawPath = at < 0 ? url : url.slice(0, at);
  const rawQuery = at < 0 ? '' : url.slice(at + 1);
  const method = request.method ?? 'GET';
  const body = await readBody(request);

  if (rawPath.startsWith(CONTROL_PREFIX)) {
    if (!isLoopback(request.socket.remoteAddress)) {
      return sendJson(response, 403, { error: 'control endpoints answer loopback callers only' }, deps.now());
    }
    return handleControl(method, rawPath, body, response, deps);
  }
  if (method !== 'POST' || !isApiPath(rawPath, deps.pathPrefix)) {
    const error = new ServiceError('UnknownOperationException', 404, `No API at ${method} ${rawPath}; use POST /.`);
    return sendJson(response, error.status, error.toBody(), deps.now());
  }
  deps.stats.arrived(operationOf(request.headers), arrivedAt);
  let clientGone = false;
  response.once('close', () => (clientGone = !response.writableFinished));
  // STS speaks the Query protocol on the same port: a form body and no X-Amz-Target.
  if (request.headers['x-amz-target'] === undefined && isFormRequest(request.headers['content-type'])) {
    const sts = await handleSts({ method, rawPath, rawQuery, headers: request.headers, body }, deps);
    deps.stats.record(sts.operation, clientGone ? CLIENT_CLOSED : sts.outcome);
    if (clientGone) return;
    return sendXml(response, sts.status, sts.xml, deps.now());
  }
  const result = await handleApi({ method, rawPath, rawQuery, headers: request.headers, body }, deps);
  deps.stats.record(result.operation, clientGone ? CLIENT_CLOSED : result.outcome);
  if (clientGone) return;
  sendJson(response, result.status, result.body, deps.now());
}

function fail(response: ServerResponse, deps: ServerDeps, request: IncomingMessage, error: unknown): void {
  const failure = error instanceof ServiceError ? error : internalFailure();
  if (!(error instanceof ServiceError)) console.error('emulator: unexpected error', error);
  deps.stats.record(operationOf(request.headers), failure.code);
  if (response.headersSent) {
    response.destroy();
    return;
  }
  sendJson(response, failure.status, failure.toBody(), deps.now());
}

/** How long an idle keep-alive connection stays open: longer than any test leaves one idle. */
const IDLE_CONNECTION_MS = 65_000;

export async function listen(deps: ServerDeps, host: string, port: number): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    route(request, response, deps).catch((error: unknown) => fail(response, deps, request, error));
  });
  // Clients (the SDK's agent, a test's request context) reuse an idle connection; one the server closes just as a
  // request goes out on it fails that request with ECONNRESET. Node closes idle ones after 5 s unless told.
  server.keepAliveTimeout = IDLE_CONNECTION_MS;
  server.headersTimeout = IDLE_CONNECTION_MS + 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('emulator: server has no TCP address');
  return { server, port: (address satisfies AddressInfo).port };
}

export async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  server.closeAllConnections();
  await closed;
}
