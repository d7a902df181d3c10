import { describe, expect, it } from 'vitest';
import { ConfigError, parseServerEnv as parseEnv } from './env';

const parseServerEnv = (env: Record<string, string>) => parseEnv({ NODE_ENV: 'production', ...env });

function refusal(env: Record<string, string>): string {
  try {
    parseServerEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('the settings were accepted');
}

describe('the shared store settings', () => {
  it('takes redis:// and rediss:// URLs with a database number, and a prefix', () => {
    const env = parseServerEnv({
      CACHE_URL: 'rediss://reader:s3cret@cache.internal:6380/2',
      CACHE_PREFIX: 'team-a:prod',
    });
    expect(env.CACHE_URL).toBe('rediss://reader:s3cret@cache.internal:6380/2');
    expect(env.CACHE_PREFIX).toBe('team-a:prod');
    expect(env.CACHE_TIMEOUT_MS).toBe(250);
    expect(parseServerEnv({}).CACHE_URL).toBeUndefined();
    expect(parseServerEnv({}).CACHE_PREFIX).toBe('sagemaker-dashboard');
  });

  it('names each bad variable without echoing the URL or its password', () => {
    for (const url of [
      'http://cache.internal:6379',
      'redis://cache.internal:6379/zero',
      'redis://user:100%sure@cache.internal:6379',
      'not a url',
    ]) {
      const message = refusal({ CACHE_URL: url });
      expect(message).toContain('CACHE_URL');
      expect(message).not.toContain('cache.internal');
      expect(message).not.toContain('sure');
    }
    expect(refusal({ CACHE_PREFIX: 'has space' })).toContain('CACHE_PREFIX');
    expect(refusal({ CACHE_PREFIX: 'x'.repeat(65) })).toContain('CACHE_PREFIX');
    expect(refusal({ CACHE_TIMEOUT_MS: '5' })).toContain('CACHE_TIMEOUT_MS');
  });
});
