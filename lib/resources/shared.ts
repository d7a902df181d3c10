import type { TextRule } from './constraints';
import type { ColumnSpec, FilterSpec } from './types';

/** The API's NameContains, as the "Name contains" filter (`name=`). */
export function nameContainsFilter(rule: TextRule) {
  return { id: 'name', label: 'Name contains', kind: 'text', apiParam: 'NameContains', rule, side: 'server' } as const;
}

export const createdFilter = {
  id: 'created',
  label: 'Created',
  kind: 'dateRange',
  afterParam: 'CreationTimeAfter',
  beforeParam: 'CreationTimeBefore',
  side: 'server',
} as const satisfies FilterSpec;

export const modifiedFilter = {
  id: 'modified',
  label: 'Last modified',
  kind: 'dateRange',
  afterParam: 'LastModifiedTimeAfter',
  beforeParam: 'LastModifiedTimeBefore',
  side: 'server',
} as const satisfies FilterSpec;

export const createdColumn = {
  id: 'created',
  header: 'Created',
  field: 'CreationTime',
  cell: 'datetime',
  defaultVisible: true,
  sortable: 'server',
} as const satisfies ColumnSpec<{ CreationTime: string }>;

export const modifiedColumn = {
  id: 'modified',
  header: 'Last modified',
  field: 'LastModifiedTime',
  cell: 'datetime',
  defaultVisible: true,
  sortable: 'server',
} as const satisfies ColumnSpec<{ LastModifiedTime: string }>;
