import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkConfig, enforceConfig, resetConfigCheckForTests } from './config-check';
import { resetEnvForTests } from '@/lib/config/env';
import { resetSourcesForTests } from '@/lib/config/sources';
import { stubProxyEnv } from './test-support/harness';

function useEnv(env: Record<string, string | undefined>): void {
  stubProxyEnv({ NODE_ENV: 'production', AUTH_MODE: undefined, METRICS_TOKEN: undefined, ...env });
  resetEnvForTests();
  resetSourcesForTests();
  resetConfigCheckForTests();
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

class Exit extends Error {}

describe('start-up configuration check', () => {
  it('names every bad variable at once', () => {
    useEnv({ AUTH_MODE: 'jwt', AUTH_JWKS_URL: 'not a url', PROXY_CACHE_TTL_MS: 'soon', METRICS_TOKEN: 'short' });
    const { errors } = checkConfig();
    const all = errors.join('\n');
    for (const name of ['PROXY_CACHE_TTL_MS', 'AUTH_JWKS_URL', 'AUTH_JWT_ISSUER', 'AUTH_JWT_AUDIENCE', 'METRICS_TOKEN'])
      expect(all).toContain(name);
  });

  it('stops on a bad sources file, naming the entry and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sources-'));
    const path = join(dir, 'sources.json');
    writeFileSync(path, JSON.stringify({ accounts: [{ name: 'prod', roleArn: 'not-an-arn' }] }));
    useEnv({ NODE_ENV: 'development', CATALOG_SOURCES_FILE: path });
    expect(checkConfig().errors).toEqual([
      `CATALOG_SOURCES_FILE (${path}): accounts[0] ("prod").roleArn must be an IAM role ARN such as arn:aws:iam::111111111111:role/Name`,
    ]);
    useEnv({ NODE_ENV: 'development', CATALOG_REGIONS: 'us-east-1,,eu-west-9x' });
    expect(checkConfig().errors.join()).toContain('CATALOG_REGIONS');
  });

  it('prints the problems without a stack trace and exits with 1', () => {
    useEnv({ AUTH_MODE: 'saml' });
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const exit = vi.fn((code: number): never => {
      throw new Exit(String(code));
    });
    expect(() => enforceConfig(exit)).toThrow(Exit);
    expect(exit).toHaveBeenCalledWith(1);
    const message = printed.mock.calls.map((call) => call.join(' ')).join('\n');
    expect(message).toContain('The dashboard cannot start:');
    expect(message).toContain('AUTH_MODE must be one of none, jwt, alb, header');
    expect(message).not.toMatch(/\n\s+at /);
  });

  it('warns loudly, once, when production runs with AUTH_MODE=none', () => {
    useEnv({});
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const exit = vi.fn((): never => {
      throw new Exit('unexpected');
    });
    enforceConfig(exit);
    enforceConfig(exit);
    expect(warned).toHaveBeenCalledTimes(1);
    expect(String(warned.mock.calls[0]?.[0])).toContain('AUTH_MODE=none in production');
    expect(exit).not.toHaveBeenCalled();
  });

  it('stays quiet in development and with authentication configured', () => {
    useEnv({ NODE_ENV: 'development' });
    expect(checkConfig()).toEqual({ errors: [], warnings: [] });
    useEnv({ AUTH_MODE: 'header', AUTH_HEADER_SECRET: 'a-long-shared-secret-value' });
    expect(checkConfig()).toEqual({ errors: [], warnings: [] });
  });
});
