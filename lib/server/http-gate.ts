import 'server-only';
import { randomUUID } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { BASE_PATH } from '@/lib/url/base-path';
import { identityHeaderNames } from '@/lib/config/auth-settings';
import { proxyLogger } from '@/lib/observability/logger';
import { recordAuthRefusal } from '@/lib/observability/metrics';
import { serverEnv } from '@/lib/config/env';
import { ProxyError } from '@/lib/server/http/proxy-error';
import { ALLOWED_METHODS, errorResponse, methodNotAllowed } from '@/lib/server/http/respond';
import { NON_DOCUMENT_CSP, STATIC_SECURITY_HEADERS } from '@/lib/server/http/security-headers';

const READ_METHODS = new Set(ALLOWED_METHODS.split(', '));

export interface GateRules {
  /** Headers that carry identity: each must come at most once. */
  identityHeaders: readonly string[];
  /** `next dev` serves its own tools, which POST, under /__nextjs_. */
  development: boolean;
}

export interface GateInput {
  method: string;
  url: string;
  /** Names and values in the order received, repeats kept, as Node's `rawHeaders`. */
  rawHeaders: readonly string[];
}

function pathnameOf(url: string): string {
  try {
    return new URL(url, 'http://gate.invalid').pathname;
  } catch {
    return '';
  }
}

function repeatedHeader(rawHeaders: readonly string[], names: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]?.toLowerCase() ?? '';
    if (!names.includes(name)) continue;
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return undefined;
}

/**
 * What Next cannot be trusted to see: methods the Fetch API cannot even represent (TRACE crashes its request
 * adapter) and repeated headers, which Node merges into one value or drops before any route or proxy.ts runs.
 */
export function gateRefusal(request: GateInput, rules: GateRules): ProxyError | undefined {
  const pathname = pathnameOf(request.url);
  const devTool = rules.development && pathname.startsWith(`${BASE_PATH}/__nextjs_`);
  if (!READ_METHODS.has(request.method) && !devTool) return methodNotAllowed(request.method);
  const repeated = repeatedHeader(request.rawHeaders, rules.identityHeaders);
  if (repeated === undefined) return undefined;
  return new ProxyError(401, 'Unauthenticated', `The ${repeated} header was sent more than once.`);
}

async function answer(request: IncomingMessage, response: ServerResponse, error: ProxyError): Promise<void> {
  const pathname = pathnameOf(request.url ?? '/');
  const api = pathname === `${BASE_PATH}/api` || pathname.startsWith(`${BASE_PATH}/api/`);
  const requestId = randomUUID();
  const reply = errorResponse(error, requestId, api ? 'json' : 'text');
  const body = await reply.text();
  if (error.status === 401) {
    recordAuthRefusal('repeated-header');
    proxyLogger().warn({ requestId, path: pathname, status: 401, reason: 'repeated-header' }, error.message);
  }
  response.writeHead(error.status, {
    ...Object.fromEntries(reply.headers),
    ...STATIC_SECURITY_HEADERS,
    'content-security-policy': NON_DOCUMENT_CSP,
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

const INSTALLED = Symbol.for('sagemaker-dashboard.http-gate');
type GatedPrototype = Server & { [INSTALLED]?: () => void };

/** Puts the gate in front of every HTTP server of this process, Next's included; returns a function that removes it. */
export function installHttpGate(rules: GateRules): () => void {
  const prototype: GatedPrototype = Server.prototype;
  const installed = prototype[INSTALLED];
  if (installed !== undefined) return installed;
  const emit = prototype.emit;
  prototype.emit = function gatedEmit(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    const [request, response] = args;
    if (event === 'request' && request instanceof IncomingMessage && response instanceof ServerResponse) {
      const refusal = gateRefusal(
        { method: request.method ?? '', url: request.url ?? '/', rawHeaders: request.rawHeaders },
        rules,
      );
      if (refusal !== undefined) {
        answer(request, response, refusal).catch((error: unknown) => {
          proxyLogger().error({ err: error }, 'the HTTP gate could not answer');
          response.destroy();
        });
        return true;
      }
    }
    return Boolean(Reflect.apply(emit, this, [event, ...args]));
  };
  const uninstall = () => {
    prototype.emit = emit;
    delete prototype[INSTALLED];
  };
  prototype[INSTALLED] = uninstall;
  return uninstall;
}

/** The gate's rules for this server's configuration. */
export function gateRulesFromEnv(): GateRules {
  return {
    identityHeaders: identityHeaderNames(serverEnv().auth),
    development: serverEnv().NODE_ENV === 'development',
  };
}
