import 'server-only';
import { catalogSources, type CatalogSource } from '@/lib/config/sources';
import { accountIdOf, knownAccountId } from '@/lib/sagemaker/account-id';
import { invalidParameter } from '@/lib/server/http/proxy-error';
import type { SourceFields } from '@/lib/resources/page';
import type { SourceChoices } from '@/lib/url/sources';

/** The parameters every list route takes besides the API's own: which sources to list. */
export const SOURCE_PARAMS = ['Accounts', 'Regions'] as const;
const MAX_ENTRIES = 64;
const ACCOUNT_ID = /^\d{12}$/;

function entries(param: string, raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const list = [
    ...new Set(
      raw
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
    ),
  ];
  if (list.length > MAX_ENTRIES) throw invalidParameter(param, `${param} may name at most ${MAX_ENTRIES} entries.`);
  return list;
}

function listed(values: readonly string[]): string {
  return values.length === 0 ? 'none' : values.join(', ');
}

/**
 * The sources `Accounts` (configured names or 12-digit account ids) and `Regions` select; every configured one
 * when neither is given. An unknown entry is a 400 naming its parameter.
 */
export async function selectSources(raw: { Accounts?: string; Regions?: string }): Promise<CatalogSource[]> {
  const configured = catalogSources();
  const accounts = entries('Accounts', raw.Accounts);
  const regions = entries('Regions', raw.Regions);
  const ids = accounts.some((entry) => ACCOUNT_ID.test(entry))
    ? await Promise.all(configured.accounts.map((account) => accountIdOf(account)))
    : [];
  const chosen = new Set<string>();
  for (const entry of accounts) {
    const index = configured.accounts.findIndex(
      (account, at) => account.name === entry || (ACCOUNT_ID.test(entry) && ids[at] === entry),
    );
    const account = configured.accounts[index];
    if (account === undefined) {
      const names = configured.accounts.map((candidate) => candidate.name);
      throw invalidParameter('Accounts', `"${entry}" is not a configured account; the accounts are: ${listed(names)}.`);
    }
    chosen.add(account.name);
  }
  for (const entry of regions) {
    if (!configured.regions.includes(entry)) {
      throw invalidParameter(
        'Regions',
        `"${entry}" is not a configured region; the regions are: ${listed(configured.regions)}.`,
      );
    }
  }
  const selected = configured.sources.filter(
    (source) =>
      (chosen.size === 0 || chosen.has(source.account.name)) &&
      (regions.length === 0 || (source.region !== undefined && regions.includes(source.region))),
  );
  if (selected.length === 0) {
    throw invalidParameter('Regions', 'None of the selected accounts is listed in the selected regions.');
  }
  return selected;
}

/**
 * The source one row's Describe call goes to: `Account` (a configured name or account id) in `Region`. With one
 * source, that one. An account id no source has (the owner of a resource shared in, as a link's ARN names it) is
 * asked through the region's first source, which can describe it when the resource is shared with it.
 */
export async function sourceFor(raw: { Account?: string; Region?: string }): Promise<CatalogSource> {
  const configured = catalogSources();
  if (raw.Region !== undefined && !configured.regions.includes(raw.Region) && configured.several) {
    throw invalidParameter(
      'Region',
      `"${raw.Region}" is not a configured region; the regions are: ${listed(configured.regions)}.`,
    );
  }
  const inRegion = configured.sources.filter((source) => raw.Region === undefined || source.region === raw.Region);
  const [first] = inRegion;
  if (!configured.several || raw.Account === undefined) {
    if (first === undefined) throw invalidParameter('Region', 'No source is listed in that region.');
    return first;
  }
  const account = raw.Account;
  const ids = ACCOUNT_ID.test(account) ? await Promise.all(inRegion.map((source) => accountIdOf(source.account))) : [];
  const found = inRegion.find((source, index) => source.account.name === account || ids[index] === account);
  if (found !== undefined) return found;
  if (ACCOUNT_ID.test(account) && first !== undefined) return first;
  const names = configured.accounts.map((candidate) => candidate.name);
  throw invalidParameter(
    'Account',
    `"${account}" is not a configured account in that region; the accounts are: ${listed(names)}.`,
  );
}

/**
 * The configured accounts and regions as a signed-in user's page may show them: names, ids once learned (a page
 * never waits for STS), profiles for the CLI command; never a role ARN or external id.
 */
export function sourceChoices(): SourceChoices {
  const configured = catalogSources();
  const ids = configured.accounts.map((account) => knownAccountId(account));
  return {
    accounts: configured.accounts.map((account, index) => {
      const accountId = ids[index];
      return {
        name: account.name,
        ...(accountId === undefined ? {} : { accountId }),
        ...(account.access.kind === 'profile' ? { profile: account.access.profile } : {}),
        regions: account.regions,
      };
    }),
    regions: configured.regions,
    several: configured.several,
  };
}

/** Starts learning every account's id at start-up, so the first pages can show them. */
export function learnAccountIds(): void {
  for (const account of catalogSources().accounts) knownAccountId(account);
}

/** What every item a source lists gains: where it was listed, with the account id once it is known. */
export function listedIn(source: CatalogSource): SourceFields {
  const accountId = knownAccountId(source.account);
  return {
    ...(accountId === undefined ? {} : { AccountId: accountId }),
    AccountName: source.account.name,
    ...(source.region === undefined ? {} : { Region: source.region }),
  };
}
