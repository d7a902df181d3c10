import { describe, expect, it } from 'vitest';
import { emulatorOptionsFromEnv, resolveConfig } from './config';

const env = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', ...vars });

describe('emulatorOptionsFromEnv', () => {
  it('returns no options when nothing is set, and resolves documented defaults', () => {
    expect(emulatorOptionsFromEnv(env({}))).toEqual({});
    const config = resolveConfig({});
    expect(config).toMatchObject({
      port: 4599,
      host: '127.0.0.1',
      seed: 42,
      scale: 'medium',
      paging: 'scan',
      faults: {},
    });
    expect(config.credentials).toEqual([
      { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    ]);
  });

  it('parses every variable', () => {
    expect(
      emulatorOptionsFromEnv(
        env({
          EMULATOR_PORT: '0',
          EMULATOR_HOST: '::1',
          EMULATOR_SEED: '7',
          EMULATOR_SCALE: 'large',
          EMULATOR_PAGING: 'exact',
          EMULATOR_DATA: 'data.json',
          EMULATOR_ACCESS_KEY_ID: 'AKIDTEST',
          EMULATOR_SECRET_ACCESS_KEY: 'secret',
          EMULATOR_CREDENTIALS: 'AKIDA:sa:111111111111, AKIDB:sb',
          EMULATOR_LATENCY_MS: '20-200',
          EMULATOR_THROTTLE_RATE: '0.25',
          EMULATOR_ERROR_RATE: '1',
          EMULATOR_PATH_PREFIX: '/sagemaker',
        }),
      ),
    ).toEqual({
      port: 0,
      host: '::1',
      seed: 7,
      scale: 'large',
      paging: 'exact',
      dataFile: 'data.json',
      accessKeyId: 'AKIDTEST',
      secretAccessKey: 'secret',
      credentials: [
        { accessKeyId: 'AKIDA', secretAccessKey: 'sa', accountId: '111111111111' },
        { accessKeyId: 'AKIDB', secretAccessKey: 'sb' },
      ],
      latencyMs: [20, 200],
      throttleRate: 0.25,
      errorRate: 1,
      pathPrefix: '/sagemaker',
    });
    expect(emulatorOptionsFromEnv(env({ EMULATOR_LATENCY_MS: '50' }))).toEqual({ latencyMs: 50 });
  });

  it.each([
    ['EMULATOR_PORT', 'abc'],
    ['EMULATOR_PORT', '70000'],
    ['EMULATOR_SCALE', 'huge'],
    ['EMULATOR_PAGING', 'fast'],
    ['EMULATOR_THROTTLE_RATE', '1.5'],
    ['EMULATOR_ERROR_RATE', '-0.1'],
    ['EMULATOR_LATENCY_MS', '200-20'],
    ['EMULATOR_CREDENTIALS', 'AKID-only'],
    ['EMULATOR_SEED', '4.2'],
  ])('names %s=%s in the error', (variable, value) => {
    expect(() => emulatorOptionsFromEnv(env({ [variable]: value }))).toThrow(
      new RegExp(`${variable}="${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`),
    );
  });

  it('reads EMULATOR_ROLES as a list of role ARNs', () => {
    const roles = 'arn:aws:iam::111111111111:role/CatalogReadOnly, arn:aws:iam::222222222222:role/team/Reader';
    expect(emulatorOptionsFromEnv(env({ EMULATOR_ROLES: roles }))).toEqual({
      roles: ['arn:aws:iam::111111111111:role/CatalogReadOnly', 'arn:aws:iam::222222222222:role/team/Reader'],
    });
    expect(resolveConfig({ roles: ['arn:aws:iam::111111111111:role/R'] }).roles).toEqual(
      new Set(['arn:aws:iam::111111111111:role/R']),
    );
    expect(resolveConfig({}).roles).toBeUndefined();
    expect(() => emulatorOptionsFromEnv(env({ EMULATOR_ROLES: 'arn:aws:iam::1:user/bob' }))).toThrow(
      /EMULATOR_ROLES.*role ARNs/,
    );
  });

  it('lists every bad variable at once', () => {
    expect(() => emulatorOptionsFromEnv(env({ EMULATOR_PORT: 'x', EMULATOR_SCALE: 'y' }))).toThrow(
      /EMULATOR_PORT[\s\S]*EMULATOR_SCALE/,
    );
  });
});
