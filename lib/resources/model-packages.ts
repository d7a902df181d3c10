import { ENTITY_NAME_CONTAINS, GROUP_NAME_OR_ARN } from './constraints';
import { sageMakerConsoleUrl } from './console';
import { createdColumn, createdFilter, nameContainsFilter } from './shared';
import type { SourceFields } from './page';
import type { ResourceSpec } from './types';

export const MODEL_PACKAGE_STATUSES = ['Pending', 'InProgress', 'Completed', 'Failed', 'Deleting'] as const;
export const MODEL_APPROVAL_STATUSES = ['Approved', 'Rejected', 'PendingManualApproval'] as const;
export const MODEL_PACKAGE_TYPES = ['Versioned', 'Unversioned', 'Both'] as const;

/** One model package as the proxy returns it (`ListModelPackages`' `ModelPackageSummaryList`). */
export type ModelPackageRow = SourceFields & {
  ModelPackageName?: string;
  ModelPackageGroupName?: string;
  ModelPackageVersion?: number;
  ModelPackageArn: string;
  ModelPackageDescription?: string;
  CreationTime: string;
  ModelPackageStatus: string;
  ModelApprovalStatus?: string;
  ModelLifeCycle?: { Stage: string; StageStatus: string; StageDescription?: string };
  ModelPackageRegistrationType?: string;
};

export const modelPackagesSpec = {
  id: 'model-packages',
  label: 'Model packages',
  blurb: 'Every model package: the versions registered in model groups and the unversioned packages, newest first.',
  noun: 'model package',
  operation: 'ListModelPackages',
  resultKey: 'ModelPackageSummaryList',
  route: '/model-packages',
  apiRoute: '/api/model-packages',
  idField: 'ModelPackageArn',
  details: {
    operation: 'DescribeModelPackage',
    params: { ModelPackageName: { id: 'whole' } },
    fields: [
      'ApprovalDescription',
      'InferenceSpecification',
      'ModelMetrics',
      'CustomerMetadataProperties',
      'SourceUri',
      'LastModifiedTime',
    ],
  },
  consoleUrl: (row) =>
    row.ModelPackageGroupName === undefined
      ? sageMakerConsoleUrl(row.ModelPackageArn, `model-packages/${encodeURIComponent(row.ModelPackageName ?? '')}`)
      : sageMakerConsoleUrl(
          row.ModelPackageArn,
          `model-registry/groups/${encodeURIComponent(row.ModelPackageGroupName)}/versions/${row.ModelPackageVersion ?? ''}`,
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
      field: 'ModelPackageName',
      cell: 'text',
      defaultVisible: true,
      sortable: 'server',
      pinned: true,
    },
    {
      id: 'group',
      header: 'Group',
      field: 'ModelPackageGroupName',
      cell: 'link',
      defaultVisible: true,
      sortable: 'client',
      link: { filter: 'group' },
    },
    {
      id: 'version',
      header: 'Version',
      field: 'ModelPackageVersion',
      cell: 'number',
      defaultVisible: true,
      sortable: 'client',
    },
    {
      id: 'status',
      header: 'Status',
      field: 'ModelPackageStatus',
      cell: 'status',
      defaultVisible: true,
      sortable: 'client',
    },
    {
      id: 'approval',
      header: 'Approval',
      field: 'ModelApprovalStatus',
      cell: 'status',
      defaultVisible: true,
      sortable: 'client',
    },
    {
      id: 'lifecycle',
      header: 'Lifecycle stage',
      field: 'ModelLifeCycle',
      cell: 'pair',
      pair: ['Stage', 'StageStatus'],
      detailField: 'StageDescription',
      defaultVisible: true,
      sortable: false,
    },
    {
      id: 'registration',
      header: 'Registration',
      field: 'ModelPackageRegistrationType',
      cell: 'badge',
      defaultVisible: false,
      sortable: 'client',
    },
    {
      id: 'description',
      header: 'Description',
      field: 'ModelPackageDescription',
      cell: 'text',
      defaultVisible: false,
      sortable: false,
    },
    createdColumn,
    { id: 'arn', header: 'ARN', field: 'ModelPackageArn', cell: 'arn', defaultVisible: false, sortable: false },
  ],
  filters: [
    nameContainsFilter(ENTITY_NAME_CONTAINS),
    {
      id: 'group',
      label: 'Group (exact name)',
      kind: 'text',
      apiParam: 'ModelPackageGroupName',
      rule: GROUP_NAME_OR_ARN,
      side: 'server',
    },
    {
      id: 'approval',
      label: 'Approval',
      kind: 'enum',
      apiParam: 'ModelApprovalStatus',
      options: [
        { value: '', label: 'Any', apiValue: undefined },
        { value: 'Approved', label: 'Approved', apiValue: 'Approved' },
        { value: 'Rejected', label: 'Rejected', apiValue: 'Rejected' },
        { value: 'PendingManualApproval', label: 'Pending manual approval', apiValue: 'PendingManualApproval' },
      ],
      defaultValue: '',
      side: 'server',
    },
    {
      id: 'type',
      label: 'Type',
      kind: 'enum',
      apiParam: 'ModelPackageType',
      options: [
        { value: 'both', label: 'All types', apiValue: 'Both' },
        { value: 'versioned', label: 'Versioned (in a group)', apiValue: 'Versioned' },
        { value: 'unversioned', label: 'Unversioned', apiValue: 'Unversioned' },
      ],
      defaultValue: 'both',
      side: 'server',
    },
    createdFilter,
    {
      id: 'status',
      label: 'Status',
      kind: 'multiEnum',
      field: 'ModelPackageStatus',
      options: MODEL_PACKAGE_STATUSES,
      side: 'client',
    },
  ],
} satisfies ResourceSpec<ModelPackageRow>;
