import { ENTITY_NAME_CONTAINS } from './constraints';
import { sageMakerConsoleUrl } from './console';
import { createdColumn, createdFilter, nameContainsFilter } from './shared';
import type { SourceFields } from './page';
import type { ResourceSpec } from './types';

export const MODEL_PACKAGE_GROUP_STATUSES = [
  'Pending',
  'InProgress',
  'Completed',
  'Failed',
  'Deleting',
  'DeleteFailed',
] as const;

/** One group as the proxy returns it (`ListModelPackageGroups`' `ModelPackageGroupSummaryList`). */
export type ModelPackageGroupRow = SourceFields & {
  ModelPackageGroupName: string;
  ModelPackageGroupArn: string;
  ModelPackageGroupDescription?: string;
  CreationTime: string;
  ModelPackageGroupStatus: string;
  ManagedConfiguration?: { ManagedStorageType?: string };
};

export const modelPackageGroupsSpec = {
  id: 'model-package-groups',
  label: 'Model package groups',
  blurb: 'The model registry: each group holds the versions of one model. Open a group to see its packages.',
  noun: 'model package group',
  operation: 'ListModelPackageGroups',
  resultKey: 'ModelPackageGroupSummaryList',
  route: '/model-package-groups',
  apiRoute: '/api/model-package-groups',
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
    nameContainsFilter(ENTITY_NAME_CONTAINS),
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
} satisfies ResourceSpec<ModelPackageGroupRow>;
