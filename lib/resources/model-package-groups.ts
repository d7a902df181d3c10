import * as z from 'zod/mini';
import { ARN_OR_NAME_PATTERN, entityNameContains, oneOf, patterned } from './constraints';
import { sageMakerConsoleUrl } from './console';
import { createdColumn, createdFilter, creationTimeParams, pageParams } from './shared';
import { sourceFields } from './page';
import type { ResourceSpec } from './types';

export const MODEL_PACKAGE_GROUP_STATUSES = [
  'Pending',
  'InProgress',
  'Completed',
  'Failed',
  'Deleting',
  'DeleteFailed',
] as const;

export const modelPackageGroupQuery = z.strictObject({
  NameContains: z.optional(entityNameContains()),
  ...creationTimeParams,
  SortBy: z.optional(oneOf(['Name', 'CreationTime'])),
  SortOrder: z.optional(oneOf(['Ascending', 'Descending'])),
  CrossAccountFilterOption: z.optional(oneOf(['SameAccount', 'CrossAccount'])),
  ...pageParams,
});

export const modelPackageGroupRow = z.object({
  ModelPackageGroupName: z.string(),
  ModelPackageGroupArn: z.string(),
  ModelPackageGroupDescription: z.optional(z.string()),
  CreationTime: z.string(),
  ModelPackageGroupStatus: z.string(),
  ManagedConfiguration: z.optional(z.object({ ManagedStorageType: z.optional(z.string()) })),
  ...sourceFields,
});
export type ModelPackageGroupRow = z.infer<typeof modelPackageGroupRow>;

export const modelPackageGroupsSpec = {
  id: 'model-package-groups',
  label: 'Model package groups',
  blurb: 'The model registry: each group holds the versions of one model. Open a group to see its packages.',
  noun: 'model package group',
  operation: 'ListModelPackageGroups',
  resultKey: 'ModelPackageGroupSummaryList',
  route: '/model-package-groups',
  apiRoute: '/api/model-package-groups',
  pathParams: z.strictObject({}),
  query: modelPackageGroupQuery,
  row: modelPackageGroupRow,
  idField: 'ModelPackageGroupArn',
  lookup: {
    contains: 'NameContains',
    nameField: 'ModelPackageGroupName',
    arnField: 'ModelPackageGroupArn',
    alsoTry: [{ CrossAccountFilterOption: 'CrossAccount' }],
    arnWhen: { filter: 'shared', value: 'only' },
  },
  children: [{ resource: 'model-packages', via: { filter: 'group' } }],
  details: {
    operation: 'DescribeModelPackageGroup',
    params: { ModelPackageGroupName: { id: 'whole' } },
    query: z.strictObject({
      ModelPackageGroupName: patterned(ARN_OR_NAME_PATTERN, 170, 'must be a model package group name or its ARN'),
    }),
    fields: ['CreatedBy'],
  },
  consoleUrl: (row) =>
    sageMakerConsoleUrl(
      row.ModelPackageGroupArn,
      `model-registry/groups/${encodeURIComponent(row.ModelPackageGroupName)}`,
    ),
  sort: {
    server: { created: 'CreationTime', name: 'Name' },
    order: { asc: 'Ascending', desc: 'Descending' },
    default: { id: 'created', order: 'desc' },
    api: { by: 'CreationTime', order: 'asc' },
    newest: 'created',
  },
  columns: [
    {
      id: 'name',
      header: 'Name',
      field: 'ModelPackageGroupName',
      cell: 'link',
      defaultVisible: true,
      sortable: 'server',
      pinned: true,
      link: { to: 'children' },
    },
    {
      id: 'description',
      header: 'Description',
      field: 'ModelPackageGroupDescription',
      cell: 'text',
      defaultVisible: true,
      sortable: false,
    },
    {
      id: 'status',
      header: 'Status',
      field: 'ModelPackageGroupStatus',
      cell: 'status',
      defaultVisible: true,
      sortable: 'client',
    },
    createdColumn,
    { id: 'arn', header: 'ARN', field: 'ModelPackageGroupArn', cell: 'arn', defaultVisible: true, sortable: false },
  ],
  filters: [
    { id: 'name', label: 'Name contains', kind: 'text', apiParam: 'NameContains', side: 'server' },
    {
      id: 'shared',
      label: 'Owner',
      kind: 'enum',
      apiParam: 'CrossAccountFilterOption',
      options: [
        { value: '', label: 'This account', apiValue: undefined },
        { value: 'only', label: 'Shared with this account', apiValue: 'CrossAccount' },
      ],
      defaultValue: '',
      side: 'server',
    },
    createdFilter,
    {
      id: 'status',
      label: 'Status',
      kind: 'multiEnum',
      field: 'ModelPackageGroupStatus',
      options: MODEL_PACKAGE_GROUP_STATUSES,
      side: 'client',
    },
  ],
} satisfies ResourceSpec<typeof modelPackageGroupQuery, ModelPackageGroupRow, Record<string, never>>;
