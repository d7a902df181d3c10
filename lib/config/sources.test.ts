import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSourcesFile, resolveSources } from './sources';

const file = (json: unknown) => () => parseSourcesFile(json, 'sources.json', ['us-east-1']);

describe('catalog sources', () => {
  it('is one default account in the configured region without any setting', () => {
    const resolved = resolveSources({ region: 'eu-west-1' });
    expect(resolved.several).toBe(false);
    expect(resolved.sources).toEqual([
      {
        key: 'default/eu-west-1',
        region: 'eu-west-1',
        account: { name: 'default', access: { kind: 'default' }, accountId: undefined, regions: ['eu-west-1'] },
      },
    ]);
    expect(resolveSources({ region: undefined }).sources.map((source) => source.region)).toEqual([undefined]);
  });

  it('lists the default account in every region of CATALOG_REGIONS', () => {
    const resolved = resolveSources({ CATALOG_REGIONS: 'us-east-1, eu-west-1,us-east-1', region: 'ap-south-1' });
    expect(resolved.sources.map((source) => source.key)).toEqual(['default/us-east-1', 'default/eu-west-1']);
    expect(resolved.several).toBe(true);
    expect(() => resolveSources({ CATALOG_REGIONS: 'us-east-1,mars', region: undefined })).toThrow(
      /CATALOG_REGIONS must be a comma list of AWS regions/,
    );
  });

  it('reads roles and profiles from the file, each account in its own regions or the top-level ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sources-'));
    const path = join(dir, 'sources.json');
    writeFileSync(
      path,
      JSON.stringify({
        regions: ['us-east-1', 'eu-west-1'],
        accounts: [
          { name: 'prod', roleArn: 'arn:aws:iam::111111111111:role/CatalogReadOnly', externalId: 'x-123' },
          { name: 'dev', profile: 'ml-dev', regions: ['us-east-1'] },
          { name: 'central' },
        ],
      }),
    );
    const resolved = resolveSources({ CATALOG_SOURCES_FILE: path, CATALOG_REGIONS: 'ap-south-1', region: undefined });
    expect(resolved.sources.map((source) => source.key)).toEqual([
      'prod/us-east-1',
      'prod/eu-west-1',
      'dev/us-east-1',
      'central/us-east-1',
      'central/eu-west-1',
    ]);
    expect(resolved.accounts.map((account) => [account.name, account.access, account.accountId])).toEqual([
      [
        'prod',
        { kind: 'role', roleArn: 'arn:aws:iam::111111111111:role/CatalogReadOnly', externalId: 'x-123' },
        '111111111111',
      ],
      ['dev', { kind: 'profile', profile: 'ml-dev' }, undefined],
      ['central', { kind: 'default' }, undefined],
    ]);
    expect(resolved.regions).toEqual(['us-east-1', 'eu-west-1']);
  });

  it('falls back to CATALOG_REGIONS, then AWS_REGION, for accounts without regions', () => {
    const accounts = parseSourcesFile({ accounts: [{ name: 'a' }] }, 'f.json', ['eu-north-1']);
    expect(accounts[0]?.regions).toEqual(['eu-north-1']);
    expect(() => parseSourcesFile({ accounts: [{ name: 'a' }] }, 'f.json', [])).toThrow(
      /accounts\[0\] \("a"\) has no regions/,
    );
  });

  it.each([
    [{ accounts: [] }, /accounts must list an account/],
    [{ accounts: [{ name: 'Prod' }] }, /accounts\[0\] \("Prod"\)\.name must be 1 to 32 of a-z/],
    [{ accounts: [{ name: 'a' }, { name: 'a' }] }, /accounts\[1\] \("a"\)\.name "a" is used twice/],
    [
      {
        accounts: [
          { name: 'a', roleArn: 'arn:aws:iam::111111111111:role/R' },
          { name: 'b', roleArn: 'arn:aws:iam::111111111111:role/R' },
        ],
      },
      /accounts\[1\] \("b"\)\.roleArn reaches the same account as an earlier entry: role arn:aws:iam::111111111111:role\/R/,
    ],
    [
      { accounts: [{ name: 'a' }, { name: 'b' }] },
      /accounts\[1\] \("b"\)\.name reaches the same account .* own credentials/,
    ],
    [
      { accounts: [{ name: 'p', roleArn: 'arn:aws:iam::1:role/x' }] },
      /accounts\[0\] \("p"\)\.roleArn must be an IAM role ARN/,
    ],
    [{ accounts: [{ name: 'p', externalId: 'abc' }] }, /accounts\[0\] \("p"\)\.externalId needs a roleArn/],
    [
      { accounts: [{ name: 'p', profile: 'x', roleArn: 'arn:aws:iam::111111111111:role/R' }] },
      /accounts\[0\] \("p"\)\.profile cannot be set together with roleArn/,
    ],
    [
      { accounts: [{ name: 'p', regions: ['us-east-1', 'moon-1'] }] },
      /accounts\[0\] \("p"\)\.regions\[1\] must be an AWS region/,
    ],
    [{ accounts: [{ name: 'p', role: 'x' }] }, /accounts\[0\] \("p"\) Unrecognized key: "role"/],
    [{ regions: [], accounts: [{ name: 'p' }] }, /regions must list at least one region/],
    [[], /the file/],
  ])('names the entry and field of a bad file: %j', (json, message) => {
    expect(file(json)).toThrow(message);
    expect(file(json)).toThrow(/^CATALOG_SOURCES_FILE \(sources\.json\): /);
  });

  it('says why a file cannot be used', () => {
    expect(() => resolveSources({ CATALOG_SOURCES_FILE: '/nonexistent/sources.json', region: undefined })).toThrow(
      'CATALOG_SOURCES_FILE (/nonexistent/sources.json) cannot be read: ENOENT',
    );
    const dir = mkdtempSync(join(tmpdir(), 'sources-'));
    writeFileSync(join(dir, 'bad.json'), '{ "accounts": [');
    expect(() => resolveSources({ CATALOG_SOURCES_FILE: join(dir, 'bad.json'), region: undefined })).toThrow(
      /is not JSON/,
    );
  });

  it('accepts the example file the README runs', () => {
    const path = new URL('./examples/two-accounts.json', import.meta.url).pathname;
    const resolved = resolveSources({ CATALOG_SOURCES_FILE: path, region: undefined });
    expect(resolved.sources.map((source) => source.key)).toEqual([
      'prod/us-east-1',
      'prod/eu-west-1',
      'staging/us-east-1',
      'staging/eu-west-1',
    ]);
  });
});
