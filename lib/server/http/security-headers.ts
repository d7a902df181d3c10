import 'server-only';

/** Also set by next.config.mjs on every route, static assets included; a test keeps both equal. */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** For answers that are not documents (refusals, the favicon, robots.txt): they may load nothing at all. */
export const NON_DOCUMENT_CSP = "default-src 'none'; frame-ancestors 'none'";

export interface PolicyOptions {
  nonce: string;
  development: boolean;
  tls: boolean;
}

export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
}

/**
 * Scripts run only with the per-request nonce (Next applies it to its own scripts when it finds it in the
 * request's CSP). Style attributes rendered by React need `style-src-attr 'unsafe-inline'`; style elements
 * need the nonce. `next dev` evaluates code and injects styles, so development relaxes both.
 */
export function contentSecurityPolicy({ nonce, development, tls }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(tls ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Headers every dynamic response carries; next.config.mjs sets the static ones on assets too. */
export function securityHeaders(options: PolicyOptions): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    ...STATIC_SECURITY_HEADERS,
    ...(options.tls ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** True when the client reached us over TLS, directly or through a proxy that says so. */
export function servedOverTls(url: URL, forwardedProto: string | null): boolean {
  if (url.protocol === 'https:') return true;
  return forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}
