import { afterEach, describe, expect, it, vi } from 'vitest';
import { getBackendInfo } from '@/lib/config/backend';
import { resetEnvForTests } from '@/lib/config/env';

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

function withEnv(env: Record<string, string>) {
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ENDPOINT_URL_SAGEMAKER', 'AWS_ENDPOINT_URL']) {
    vi.stubEnv(name, env[name] ?? '');
  }
  resetEnvForTests();
  return getBackendInfo();
}

describe('getBackendInfo', () => {
  it('calls a loopback endpoint the emulator', () => {
    expect(withEnv({ AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_SAGEMAKER: 'http://127.0.0.1:4566' })).toEqual({
      kind: 'emulator',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:4566',
      name: 'Emulator',
      label: 'Emulator · us-east-1',
      title: 'Endpoint 127.0.0.1:4566, region us-east-1',
    });
    expect(withEnv({ AWS_DEFAULT_REGION: 'eu-west-1', AWS_ENDPOINT_URL: 'http://localhost:9000' }).kind).toBe(
      'emulator',
    );
  });

  it('calls no endpoint AWS and any other endpoint custom', () => {
    expect(withEnv({ AWS_REGION: 'eu-west-1' }).label).toBe('AWS · eu-west-1');
    expect(withEnv({ AWS_ENDPOINT_URL_SAGEMAKER: 'https://sm.example.com' })).toMatchObject({
      kind: 'custom',
      region: null,
      label: 'sm.example.com · no region',
    });
  });

  it('never shows the userinfo of an endpoint, and labels a custom one by its host', () => {
    const info = withEnv({
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL_SAGEMAKER: 'https://svc:Passw0rd@vpce-0123.sagemaker.internal.example/api/',
    });
    expect(info).toEqual({
      kind: 'custom',
      region: 'eu-west-1',
      endpoint: 'https://vpce-0123.sagemaker.internal.example/api/',
      name: 'vpce-0123.sagemaker.internal.example',
      label: 'vpce-0123.sagemaker.internal.example · eu-west-1',
      title: 'Endpoint vpce-0123.sagemaker.internal.example, region eu-west-1',
    });
    expect(JSON.stringify(info)).not.toMatch(/Passw0rd|svc:/);
  });

  it('prefers the service-specific endpoint', () => {
    const info = withEnv({ AWS_ENDPOINT_URL_SAGEMAKER: 'http://[::1]:1', AWS_ENDPOINT_URL: 'https://x.example.com' });
    expect(info.kind).toBe('emulator');
  });
});
