import * as z from 'zod/mini';
import {
  ARN_OR_NAME_PATTERN,
  entityNameContains,
  oneOf,
  patterned,
  VERSIONED_ARN_OR_NAME_PATTERN,
} from './constraints';
import { sageMakerConsoleUrl } from './console';
import { createdColumn, createdFilter, creationTimeParams, pageParams } from './shared';
import { sourceFields } from './page';
import type { ResourceSpec } from './types';

export const MODEL_PACKAGE_STATUSES = ['Pending', 'InProgress', 'Completed', 'Failed', 'Deleting'] as const;
export const MODEL_APPROVAL_STATUSES = ['Approved', 'Rejected', 'PendingManualApproval'] as const;
export const MODEL_PACKAGE_TYPES = ['Versioned', 'Unversioned', 'Both'] as const;

export const modelPackageQuery = z.strictObject({
  NameContains: z.optional(entityNameContains()),
  ...creationTimeParams,
  ModelApprovalStatus: z.optional(oneOf(MODEL_APPROVAL_STATUSES)),
  ModelPackageGroupName: z.optional(
    patterned(ARN_OR_NAME_PATTERN, 170, 'must be a model package group name (letters, digits and "-") or its ARN'),
  ),
  ModelPackageType: z.optional(oneOf(MODEL_PACKAGE_TYPES)),
  SortBy: z.optional(oneOf(['Name', 'CreationTime'])),
  SortOrder: z.optional(oneOf(['Ascending', 'Descending'])),
  ...pageParams,
});
export type ModelPackageQuery = z.infer<typeof modelPackageQuery>;

export const modelPackageRow = z.object({
  ModelPackageName: z.optional(z.string()),
  ModelPackageGroupName: z.optional(z.string()),
  ModelPackageVersion: z.optional(z.number()),
  ModelPackageArn: z.string(),
  ModelPackageDescription: z.optional(z.string()),
  CreationTime: z.string(),
  ModelPackageStatus: z.string(),
  ModelApprovalStatus: z.optional(z.string()),
  ModelLifeCycle: z.optional(
    z.object({ Stage: z.string(), StageStatus: z.string(), StageDescription: z.optional(z.string()) }),
  ),
  ModelPackageRegistrationType: z.optional(z.string()),
  ...sourceFields,
});
export type ModelPackageRow = z.infer<typeof modelPackageRow>;

export const modelPackagesSpec = {
  id: 'model-packages',
  label: 'Model packages',
  blurb: 'Every model package: the versions registered in model groups and the unversioned packages, newest first.',
  noun: 'model package',
  operation: 'ListModelPackages',
  resultKey: 'ModelPackageSummaryList',
  route: '/model-packages',
  apiRoute: '/api/model-packages',
  pathParams: z.strictObject({}),
  query: modelPackageQuery,
  row: modelPackageRow,
  idField: 'ModelPackageArn',
  details: {
    operation: 'DescribeModelPackage',
    params: { ModelPackageName: { id: 'whole' } },
    query: z.strictObject({
      ModelPackageName: patterned(VERSIONED_ARN_OR_NAME_PATTERN, 176, 'must be a model package name or its ARN'),
    }),
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
    {
      id: 'name',
      label: 'Name contains',
      kind: 'text',
      apiParam: 'NameContains',
      side: 'server',
    },
    {
      id: 'group',
      label: 'Group (exact name)',
      kind: 'text',
      apiParam: 'ModelPackageGroupName',
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
} satisfies ResourceSpec<typeof modelPackageQuery, ModelPackageRow, Record<string, never>>;
