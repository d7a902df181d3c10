import { pagePath } from './derive';
import { isResourceId, resourceSpec } from './registry';
import type { ColumnSpec, ResourceSpec } from './types';

type Row = Record<string, unknown>;

/**
 * Where a link cell goes: to the row's children (an image's versions, a group's packages), named as the child
 * names its parent, or to this listing filtered by the cell's value.
 */
export function cellHref(
  spec: ResourceSpec,
  column: Pick<ColumnSpec<Row>, 'field' | 'link'>,
  row: Row,
  view: Readonly<Record<string, unknown>>,
  path: Readonly<Record<string, string>>,
): string | undefined {
  const value = row[column.field];
  if (column.link === undefined || (typeof value !== 'string' && typeof value !== 'number')) return undefined;
  if ('filter' in column.link)
    return `${pagePath(spec, path)}?${new URLSearchParams({ [column.link.filter]: String(value) })}`;
  const child = spec.children?.[0];
  const { lookup } = spec;
  if (child === undefined || lookup === undefined || !isResourceId(child.resource)) return undefined;
  const byArn = lookup.arnWhen !== undefined && view[lookup.arnWhen.filter] === lookup.arnWhen.value;
  const name = String(row[byArn ? lookup.arnField : lookup.nameField]);
  const target = resourceSpec(child.resource);
  if ('path' in child.via) return pagePath(target, { [child.via.path]: name });
  return `${pagePath(target)}?${new URLSearchParams({ [child.via.filter]: name })}`;
}
