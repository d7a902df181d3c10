import { parseArn } from './console';
import type { ResourceSpec } from './types';

/**
 * The Describe parameters of one row, from its id (its ARN) and the listing's route parameters only, so a link
 * naming one row (`details=<arn>`) works before, or without, the row being loaded.
 */
export function detailsParams(
  spec: Pick<ResourceSpec, 'details'>,
  id: string,
  path: Readonly<Record<string, string>>,
): Record<string, string> | undefined {
  if (spec.details === undefined) return undefined;
  const entries = Object.entries(spec.details.params).map(([member, source]) => {
    if ('path' in source) return [member, path[source.path] ?? ''];
    return [member, source.id === 'whole' ? id : id.slice(id.lastIndexOf('/') + 1)];
  });
  return Object.fromEntries(entries);
}

/**
 * With several sources, which one a row's Describe call goes to: the source that listed the row when it is
 * loaded (a group shared from another account is described through the account it is shared with), else the
 * account and region its ARN names, so a link to one row finds it before it loads.
 */
export function detailsSourceParams(
  id: string,
  row: Readonly<Record<string, unknown>> | undefined,
): Record<string, string> {
  const { AccountName: account, Region: region } = row ?? {};
  if (typeof account === 'string' && typeof region === 'string') return { Account: account, Region: region };
  const arn = parseArn(id);
  return arn === undefined ? {} : { Account: arn.account, Region: arn.region };
}

export function detailsApiPath(spec: Pick<ResourceSpec, 'id'>, params: Record<string, string>): string {
  return `/api/details/${encodeURIComponent(spec.id)}?${new URLSearchParams(params)}`;
}
