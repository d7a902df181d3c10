import type { ResourceSpec } from './types';

type Spec = Pick<ResourceSpec, 'operation' | 'idField' | 'route' | 'apiRoute'>;

export function kebabCase(member: string): string {
  return member.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The IAM action that allows the spec's API call. */
export function iamAction(spec: Pick<Spec, 'operation'>): string {
  return `sagemaker:${spec.operation}`;
}

/** `aws sagemaker <command>` for the spec's API. */
export function cliCommand(spec: Pick<Spec, 'operation'>): string {
  return kebabCase(spec.operation);
}

export function rowId(spec: Pick<Spec, 'idField'>, row: Record<string, unknown>): string {
  return String(row[spec.idField]);
}

/**
 * A key unique among a listing's rows: its id, and where it was listed, since a group shared into two accounts
 * is listed by both under one ARN.
 */
export function rowKey(spec: Pick<Spec, 'idField'>, row: Record<string, unknown>): string {
  const { AccountName: account, Region: region } = row;
  return typeof account === 'string' ? `${rowId(spec, row)}|${account}|${String(region)}` : rowId(spec, row);
}

/** A row's name as people say it, from its ARN: `…:model-package/churn/3` is `churn/3`, `…:image/tf` is `tf`. */
export function nameOfId(id: string): string {
  const slash = id.indexOf('/');
  return slash < 0 ? id : id.slice(slash + 1);
}

const PARAM = /\[([A-Za-z]+)\]/g;

/** The names of a route's parameters, in order: `/images/[ImageName]` has `ImageName`. */
export function routeParams(route: string): string[] {
  return [...route.matchAll(PARAM)].map((match) => match[1] ?? '');
}

/** A route with its parameters filled in, each encoded as one path segment. */
export function fillRoute(route: string, path: Readonly<Record<string, string>>): string {
  return route.replace(PARAM, (_whole, name: string) => encodeURIComponent(path[name] ?? ''));
}

export function pagePath(spec: Pick<Spec, 'route'>, path: Readonly<Record<string, string>> = {}): string {
  return fillRoute(spec.route, path);
}

export function apiPath(spec: Pick<Spec, 'apiRoute'>, path: Readonly<Record<string, string>> = {}): string {
  return fillRoute(spec.apiRoute, path);
}
