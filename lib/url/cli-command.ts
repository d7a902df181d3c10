import type { ApiParams } from './api-query';

const SAFE = /^[A-Za-z0-9_./:=+@,-]+$/;
const PAGING = new Set(['MaxResults', 'NextToken']);

export function kebabCase(member: string): string {
  return member.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

export function shellQuote(value: string): string {
  return SAFE.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `aws sagemaker <command>` with the same parameters; the CLI follows NextToken itself. */
export function awsCliCommand(command: string, params: ApiParams, region: string | null): string {
  const args = Object.entries(params)
    .filter(([member, value]) => !PAGING.has(member) && value !== '')
    .map(([member, value]) => `--${kebabCase(member)} ${shellQuote(value)}`);
  if (region !== null) args.push(`--region ${shellQuote(region)}`);
  return ['aws sagemaker', command, ...args].join(' ');
}
