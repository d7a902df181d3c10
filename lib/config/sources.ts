import 'server-only';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError, serverEnv } from './env';

/** How the server gets an account's credentials. */
export type AccountAccess =
  { kind: 'default' } | { kind: 'role'; roleArn: string; externalId?: string } | { kind: 'profile'; profile: string };

export interface CatalogAccount {
  /** Unique, `[a-z0-9-]{1,32}`: what `Accounts=` and `account=` name. */
  name: string;
  access: AccountAccess;
  /** Known up front for a role (its ARN names it); learned with GetCallerIdentity otherwise. */
  accountId: string | undefined;
  regions: readonly string[];
}

/** One account in one region: what one list call is sent to. */
export interface CatalogSource {
  /** `<account name>/<region>`, unique. */
  key: string;
  account: CatalogAccount;
  /** Undefined only for the single default source when no region is configured anywhere. */
  region: string | undefined;
}

export interface CatalogSources {
  accounts: readonly CatalogAccount[];
  sources: readonly CatalogSource[];
  /** Every region of any source, in first-seen order. */
  regions: readonly string[];
  /** True when more than one source is configured: items then show their account and region. */
  several: boolean;
}

export const DEFAULT_ACCOUNT_NAME = 'default';

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;
const ACCOUNT_NAME = /^[a-z0-9-]{1,32}$/;

const region = z.string().regex(REGION, 'must be an AWS region such as us-east-1');
const regionList = z.array(region).min(1, 'must list at least one region');

const accountEntry = z
  .strictObject({
    name: z.string().regex(ACCOUNT_NAME, 'must be 1 to 32 of a-z, 0-9 and -'),
    roleArn: z
      .string()
      .regex(ROLE_ARN, 'must be an IAM role ARN such as arn:aws:iam::111111111111:role/Name')
      .optional(),
    externalId: z
      .string()
      .regex(/^[\w+=,./@:-]{2,1224}$/, 'must be 2 to 1224 of letters, digits and +=,./@:-')
      .optional(),
    profile: z
      .string()
      .regex(/^[\w+=,./@:-]{1,128}$/, 'must be the name of a profile in the shared AWS config')
      .optional(),
    regions: regionList.optional(),
  })
  .superRefine((entry, context) => {
    if (entry.roleArn !== undefined && entry.profile !== undefined) {
      context.addIssue({ code: 'custom', path: ['profile'], message: 'cannot be set together with roleArn' });
    }
    if (entry.externalId !== undefined && entry.roleArn === undefined) {
      context.addIssue({ code: 'custom', path: ['externalId'], message: 'needs a roleArn' });
    }
  });

const sourcesFile = z
  .strictObject({ regions: regionList.optional(), accounts: z.array(accountEntry).min(1, 'must list an account') })
  .superRefine((file, context) => {
    const seen = new Set<string>();
    const access = new Set<string>();
    file.accounts.forEach((account, index) => {
      if (seen.has(account.name)) {
        context.addIssue({
          code: 'custom',
          path: ['accounts', index, 'name'],
          message: `"${account.name}" is used twice`,
        });
      }
      seen.add(account.name);
      // Two entries reaching one catalog would list every row twice under two names.
      const [field, how] =
        account.roleArn !== undefined
          ? ['roleArn', `role ${account.roleArn}`]
          : account.profile !== undefined
            ? ['profile', `profile ${account.profile}`]
            : ['name', "the server's own credentials (no roleArn or profile)"];
      if (access.has(how)) {
        context.addIssue({
          code: 'custom',
          path: ['accounts', index, field],
          message: `reaches the same account as an earlier entry: ${how}`,
        });
      }
      access.add(how);
    });
  });

type SourcesFile = z.infer<typeof sourcesFile>;

function describePath(file: unknown, path: readonly PropertyKey[]): string {
  let text = '';
  let node: unknown = file;
  for (const key of path) {
    text += typeof key === 'number' ? `[${key}]` : `${text === '' ? '' : '.'}${String(key)}`;
    node = typeof node === 'object' && node !== null ? Reflect.get(node, key) : undefined;
    const name = typeof node === 'object' && node !== null ? Reflect.get(node, 'name') : undefined;
    if (typeof key === 'number' && typeof name === 'string') text += ` ("${name}")`;
  }
  return text === '' ? 'the file' : text;
}

function accessOf(entry: SourcesFile['accounts'][number]): AccountAccess {
  if (entry.roleArn !== undefined) {
    return {
      kind: 'role',
      roleArn: entry.roleArn,
      ...(entry.externalId === undefined ? {} : { externalId: entry.externalId }),
    };
  }
  if (entry.profile !== undefined) return { kind: 'profile', profile: entry.profile };
  return { kind: 'default' };
}

/** The accounts and regions of a sources file; throws a ConfigError naming the file, the entry and the field. */
export function parseSourcesFile(json: unknown, where: string, fallbackRegions: readonly string[]): CatalogAccount[] {
  const parsed = sourcesFile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${describePath(json, issue.path)} ${issue.message}`);
    throw new ConfigError(`CATALOG_SOURCES_FILE (${where}): ${problems.join('; ')}`);
  }
  const topLevel = parsed.data.regions ?? fallbackRegions;
  return parsed.data.accounts.map((entry, index) => {
    const regions = entry.regions ?? topLevel;
    if (regions.length === 0) {
      throw new ConfigError(
        `CATALOG_SOURCES_FILE (${where}): accounts[${index}] ("${entry.name}") has no regions: list them on the ` +
          'account, at the top level, in CATALOG_REGIONS or in AWS_REGION',
      );
    }
    const access = accessOf(entry);
    return {
      name: entry.name,
      access,
      accountId: access.kind === 'role' ? ROLE_ARN.exec(access.roleArn)?.[1] : undefined,
      regions: [...new Set(regions)],
    };
  });
}

function readSourcesFile(path: string, fallbackRegions: readonly string[]): CatalogAccount[] {
  const absolute = resolve(path);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new ConfigError(`CATALOG_SOURCES_FILE (${path}) cannot be read: ${reason}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`CATALOG_SOURCES_FILE (${path}) is not JSON: ${error instanceof Error ? error.message : ''}`);
  }
  return parseSourcesFile(json, path, fallbackRegions);
}

function regionsFromEnv(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const regions = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const bad = regions.filter((entry) => !REGION.test(entry));
  if (bad.length > 0 || regions.length === 0) {
    throw new ConfigError(
      `CATALOG_REGIONS must be a comma list of AWS regions such as us-east-1,eu-west-1 (got "${raw}")`,
    );
  }
  return [...new Set(regions)];
}

/** The configured sources, from CATALOG_SOURCES_FILE, CATALOG_REGIONS, or the one default account and region. */
export function resolveSources(env: {
  CATALOG_SOURCES_FILE?: string | undefined;
  CATALOG_REGIONS?: string | undefined;
  region: string | undefined;
}): CatalogSources {
  const listed = regionsFromEnv(env.CATALOG_REGIONS);
  const fallback = listed.length > 0 ? listed : env.region === undefined ? [] : [env.region];
  const accounts: CatalogAccount[] =
    env.CATALOG_SOURCES_FILE !== undefined
      ? readSourcesFile(env.CATALOG_SOURCES_FILE, fallback)
      : [{ name: DEFAULT_ACCOUNT_NAME, access: { kind: 'default' }, accountId: undefined, regions: fallback }];
  const sources = accounts.flatMap((account): CatalogSource[] =>
    account.regions.length === 0
      ? [{ key: `${account.name}/`, account, region: undefined }]
      : account.regions.map((where) => ({ key: `${account.name}/${where}`, account, region: where })),
  );
  const regions = [...new Set(sources.flatMap((source) => (source.region === undefined ? [] : [source.region])))];
  return { accounts, sources, regions, several: sources.length > 1 };
}

let cached: CatalogSources | undefined;

/** The server's sources, resolved once. */
export function catalogSources(): CatalogSources {
  if (cached === undefined) {
    const env = serverEnv();
    cached = resolveSources({
      CATALOG_SOURCES_FILE: env.CATALOG_SOURCES_FILE,
      CATALOG_REGIONS: env.CATALOG_REGIONS,
      region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION,
    });
  }
  return cached;
}

export function resetSourcesForTests(): void {
  cached = undefined;
}
