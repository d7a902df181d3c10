import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('withBasePath', () => {
  it('leaves paths alone when the app is served at the root', async () => {
    vi.stubEnv('NEXT_PUBLIC_BASE_PATH', undefined);
    const { withBasePath } = await import('./base-path');
    expect(withBasePath('/api/images?MaxResults=5')).toBe('/api/images?MaxResults=5');
  });

  it('prefixes API paths with the build-time base path', async () => {
    vi.stubEnv('NEXT_PUBLIC_BASE_PATH', '/sagemaker');
    const { withBasePath } = await import('./base-path');
    expect(withBasePath('/api/images?MaxResults=5')).toBe('/sagemaker/api/images?MaxResults=5');
  });
});
