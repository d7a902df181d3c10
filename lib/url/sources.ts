import type { ParamCodec } from './codecs';
import type { ApiParams } from './api-query';

/** One configured account as a signed-in user may see it: its name, its id once known, its regions. */
export interface AccountChoice {
  name: string;
  accountId?: string;
  /** The shared-config profile the server lists it with, for the AWS CLI command. */
  profile?: string;
  regions: readonly string[];
}

/** The accounts and regions the server lists from; `several` when that is more than one source. */
export interface SourceChoices {
  accounts: readonly AccountChoice[];
  regions: readonly string[];
  several: boolean;
}

export const ACCOUNT_PARAM = 'account';
export const REGION_PARAM = 'region';

/** What a page knows without the server's configuration: one source, nothing to choose. */
export const ONE_SOURCE: SourceChoices = { accounts: [], regions: [], several: false };

function split(raw: string): string[] {
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A comma list of configured names; an alias (an account id) reads as the name it stands for. */
function choiceListCodec(
  names: readonly string[],
  aliases: ReadonlyMap<string, string>,
  what: string,
): ParamCodec<readonly string[]> {
  const find = (part: string) =>
    names.find((name) => name.toLowerCase() === part.toLowerCase()) ?? aliases.get(part) ?? undefined;
  return {
    parse: (raw) => {
      const found = new Set(split(raw).flatMap((part) => find(part) ?? []));
      const ordered = names.filter((name) => found.has(name));
      return ordered.length > 0 ? ordered : null;
    },
    serialize: (values) => values.join(','),
    problem: (raw) => {
      const unknown = split(raw).filter((part) => find(part) === undefined);
      if (unknown.length === 0) return null;
      return `has ${what}s that are not configured (${unknown.join(', ')}); the ${what}s are: ${names.join(', ') || 'none'}`;
    },
  };
}

/** The `account=` and `region=` parameters, over the configured accounts and regions. */
export function sourceCodecs(choices: SourceChoices): Record<string, ParamCodec> {
  const ids = new Map(
    choices.accounts.flatMap((account) => (account.accountId === undefined ? [] : [[account.accountId, account.name]])),
  );
  return {
    [ACCOUNT_PARAM]: choiceListCodec(
      choices.accounts.map((account) => account.name),
      ids,
      'account',
    ),
    [REGION_PARAM]: choiceListCodec(choices.regions, new Map(), 'region'),
  };
}

function listOf(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/** The list routes' `Accounts` and `Regions`, when the view narrows the sources. */
export function sourceApiParams(values: Readonly<Record<string, unknown>>): ApiParams {
  const params: ApiParams = {};
  const accounts = listOf(values[ACCOUNT_PARAM]);
  const regions = listOf(values[REGION_PARAM]);
  if (accounts.length > 0) params.Accounts = accounts.join(',');
  if (regions.length > 0) params.Regions = regions.join(',');
  return params;
}

export interface SelectedSource {
  account: AccountChoice;
  region: string;
}

/** The sources the view lists: every configured one its account and region selection keeps. */
export function selectedSources(choices: SourceChoices, values: Readonly<Record<string, unknown>>): SelectedSource[] {
  const accounts = listOf(values[ACCOUNT_PARAM]);
  const regions = listOf(values[REGION_PARAM]);
  return choices.accounts.flatMap((account) =>
    accounts.length > 0 && !accounts.includes(account.name)
      ? []
      : account.regions
          .filter((region) => regions.length === 0 || regions.includes(region))
          .map((region) => ({ account, region })),
  );
}
