import { kebabCase } from '@/lib/resources/derive';
import type { ApiParams } from './api-query';

const SAFE = /^[A-Za-z0-9_./:=+@,-]+$/;
const PAGING = new Set(['MaxResults', 'NextToken']);

export function shellQuote(value: string): string {
  return SAFE.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Where the command sends its calls: the region, and the endpoint when it is not AWS's own. */
export interface CliTarget {
  region: string | null;
  endpoint: string | null;
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
  if (target.region !== null) args.push(`--region ${shellQuote(target.region)}`);
  if (target.endpoint !== null) args.push(`--endpoint-url ${shellQuote(target.endpoint)}`);
  return ['aws sagemaker', command, ...args].join(' ');
}
