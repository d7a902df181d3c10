import * as z from 'zod/mini';
import { instant, maxResults, nextToken } from './constraints';
import type { ColumnSpec, FilterSpec } from './types';

export const pageParams = { MaxResults: z.optional(maxResults), NextToken: z.optional(nextToken) };

export const creationTimeParams = { CreationTimeAfter: z.optional(instant), CreationTimeBefore: z.optional(instant) };

export const lastModifiedTimeParams = {
  LastModifiedTimeAfter: z.optional(instant),
  LastModifiedTimeBefore: z.optional(instant),
};

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
