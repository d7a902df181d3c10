import { describe, expect, it } from 'vitest';
import nextConfig, { STATIC_SECURITY_HEADERS as configuredStatic, basePathFrom, outputFrom } from '@/next.config.mjs';
import { STATIC_SECURITY_HEADERS, contentSecurityPolicy, servedOverTls } from './security-headers';

const directive = (csp: string, name: string) => csp.split('; ').find((entry) => entry.startsWith(`${name} `)) ?? '';

describe('security headers', () => {
  it('allows scripts only by nonce in production, adding unsafe-eval only for next dev', () => {
    const production = contentSecurityPolicy({ nonce: 'abc', development: false, tls: false });
    expect(directive(production, 'script-src')).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(directive(production, 'style-src')).toBe("style-src 'self' 'nonce-abc'");
    expect(production).not.toMatch(/unsafe-eval/);
    const development = contentSecurityPolicy({ nonce: 'abc', development: true, tls: false });
    expect(directive(development, 'script-src')).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic' 'unsafe-eval'");
    expect(directive(development, 'script-src')).not.toMatch(/unsafe-inline/);
  });

  it('matches the headers next.config.mjs sets on every route', async () => {
    expect(configuredStatic).toEqual(STATIC_SECURITY_HEADERS);
    const rules = await nextConfig.headers?.();
    expect(rules?.[0]?.headers).toHaveLength(Object.keys(STATIC_SECURITY_HEADERS).length);
  });

  it('detects TLS from the URL or the first x-forwarded-proto', () => {
    expect(servedOverTls(new URL('https://a.test/'), null)).toBe(true);
    expect(servedOverTls(new URL('http://a.test/'), 'https, http')).toBe(true);
    expect(servedOverTls(new URL('http://a.test/'), 'http')).toBe(false);
  });

  it('validates BASE_PATH', () => {
    expect(basePathFrom(undefined)).toBe('');
    expect(basePathFrom('/sagemaker')).toBe('/sagemaker');
    expect(basePathFrom('/tools/sagemaker')).toBe('/tools/sagemaker');
    for (const bad of ['sagemaker', '/sagemaker/', '/a b', '//x']) expect(() => basePathFrom(bad)).toThrow(/BASE_PATH/);
  });

  it('builds the standalone server only when NEXT_OUTPUT asks for it', () => {
    expect(outputFrom(undefined)).toBeUndefined();
    expect(outputFrom('')).toBeUndefined();
    expect(outputFrom('standalone')).toBe('standalone');
    for (const bad of ['export', 'Standalone', 'yes']) expect(() => outputFrom(bad)).toThrow(/NEXT_OUTPUT/);
  });
});
