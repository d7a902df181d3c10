import { kebabCase } from '@/lib/resources/derive';
import type { ApiParams } from './api-query';
import type { SelectedSource } from './sources';

const SAFE = /^[A-Za-z0-9_./:=+@,-]+$/;
const PAGING = new Set(['MaxResults', 'NextToken']);

export function shellQuote(value: string): string {
  return SAFE.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Where the command sends its calls: the region, and the endpoint when it is not AWS's own. */
export interface CliTarget {
  region: string | null;
  endpoint: string | null;
  /** The shared-config profile whose credentials list this source. */
  profile?: string | undefined;
}

/** Keeps the items whose `field` is one of `values`: what the table filters in the browser. */
export interface CliItemFilter {
  field: string;
  values: readonly string[];
}

/** A JMESPath `--query` keeping only the items that pass every filter, or undefined without filters. */
export function cliQuery(resultKey: string, filters: readonly CliItemFilter[]): string | undefined {
  const active = filters.filter((filter) => filter.values.length > 0);
  if (active.length === 0) return undefined;
  const tests = active.map((filter) => `contains(\`${JSON.stringify(filter.values)}\`, ${filter.field})`);
  return `${resultKey}[?${tests.join(' && ')}]`;
}

/** `aws sagemaker <command>` with the same parameters; the CLI follows NextToken itself. */
export function awsCliCommand(command: string, params: ApiParams, target: CliTarget, query?: string): string {
  const args = Object.entries(params)
    .filter(([member, value]) => !PAGING.has(member) && value !== '')
    .map(([member, value]) => `--${kebabCase(member)} ${shellQuote(value)}`);
  if (query !== undefined) args.push(`--query ${shellQuote(query)}`);
  if (target.profile !== undefined) args.push(`--profile ${shellQuote(target.profile)}`);
  if (target.region !== null) args.push(`--region ${shellQuote(target.region)}`);
  if (target.endpoint !== null) args.push(`--endpoint-url ${shellQuote(target.endpoint)}`);
  return ['aws sagemaker', command, ...args].join(' ');
}

/**
 * One command per source, each under a comment naming its account and region: the CLI lists one account in one
 * region at a time. A source listed through a profile gets `--profile`; an assumed role needs the caller's own.
 */
export function awsCliCommandPerSource(
  command: string,
  params: ApiParams,
  target: CliTarget,
  sources: readonly SelectedSource[],
  query?: string,
): string {
  return sources
    .map(({ account, region }) => {
      const id = account.accountId === undefined ? '' : ` (${account.accountId})`;
      const line = awsCliCommand(command, params, { ...target, region, profile: account.profile }, query);
      return `# ${account.name}${id}, ${region}\n${line}`;
    })
    .join('\n');
}
