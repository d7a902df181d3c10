import { instant, maxResults, nextToken } from './constraints';
import type { FilterSpec } from './types';

export const pageParams = { MaxResults: maxResults.optional(), NextToken: nextToken.optional() };

export const creationTimeParams = { CreationTimeAfter: instant.optional(), CreationTimeBefore: instant.optional() };

export const lastModifiedTimeParams = {
  LastModifiedTimeAfter: instant.optional(),
  LastModifiedTimeBefore: instant.optional(),
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
