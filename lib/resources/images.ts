import * as z from 'zod/mini';
import { IMAGE_NAME_CONTAINS_PATTERN, imageNameParam, oneOf, patterned } from './constraints';
import { sageMakerConsoleUrl } from './console';
import {
  createdColumn,
  modifiedColumn,
  createdFilter,
  creationTimeParams,
  lastModifiedTimeParams,
  modifiedFilter,
  pageParams,
} from './shared';
import { sourceFields } from './page';
import type { ResourceSpec } from './types';

export const IMAGE_STATUSES = [
  'CREATING',
  'CREATED',
  'CREATE_FAILED',
  'UPDATING',
  'UPDATE_FAILED',
  'DELETING',
  'DELETE_FAILED',
] as const;

export const imageQuery = z.strictObject({
  NameContains: z.optional(patterned(IMAGE_NAME_CONTAINS_PATTERN, 63, 'may contain only letters, digits, "-" and "."')),
  ...creationTimeParams,
  ...lastModifiedTimeParams,
  SortBy: z.optional(oneOf(['CREATION_TIME', 'LAST_MODIFIED_TIME', 'IMAGE_NAME'])),
  SortOrder: z.optional(oneOf(['ASCENDING', 'DESCENDING'])),
  ...pageParams,
});
export type ImageQuery = z.infer<typeof imageQuery>;

export const imageRow = z.object({
  ImageName: z.string(),
  ImageArn: z.string(),
  ImageStatus: z.string(),
  DisplayName: z.optional(z.string()),
  Description: z.optional(z.string()),
  FailureReason: z.optional(z.string()),
  CreationTime: z.string(),
  LastModifiedTime: z.string(),
  ...sourceFields,
});
export type ImageRow = z.infer<typeof imageRow>;

export const imagesSpec = {
  id: 'images',
  label: 'Images',
  blurb: 'Custom SageMaker images. Open an image to see its versions.',
  noun: 'image',
  operation: 'ListImages',
  resultKey: 'Images',
  route: '/images',
  apiRoute: '/api/images',
  pathParams: z.strictObject({}),
  query: imageQuery,
  row: imageRow,
  idField: 'ImageArn',
  lookup: { contains: 'NameContains', nameField: 'ImageName', arnField: 'ImageArn' },
  children: [{ resource: 'image-versions', via: { path: 'ImageName' } }],
  details: {
    operation: 'DescribeImage',
    params: { ImageName: { id: 'last' } },
    query: z.strictObject({ ImageName: imageNameParam }),
    fields: ['RoleArn'],
  },
  consoleUrl: (row) => sageMakerConsoleUrl(row.ImageArn, `images/${encodeURIComponent(row.ImageName)}`),
  sort: {
    server: { created: 'CREATION_TIME', modified: 'LAST_MODIFIED_TIME', name: 'IMAGE_NAME' },
    order: { asc: 'ASCENDING', desc: 'DESCENDING' },
    default: { id: 'created', order: 'desc' },
    api: { by: 'CREATION_TIME', order: 'desc' },
    newest: 'created',
  },
  columns: [
    {
      id: 'name',
      header: 'Name',
      field: 'ImageName',
      cell: 'link',
      defaultVisible: true,
      pinned: true,
      sortable: 'server',
      link: { to: 'children' },
    },
    {
      id: 'displayName',
      header: 'Display name',
      field: 'DisplayName',
      cell: 'text',
      defaultVisible: true,
      sortable: 'client',
    },
    {
      id: 'status',
      header: 'Status',
      field: 'ImageStatus',
      cell: 'status',
      detailField: 'FailureReason',
      defaultVisible: true,
      sortable: 'client',
    },
    {
      id: 'description',
      header: 'Description',
      field: 'Description',
      cell: 'text',
      defaultVisible: true,
      sortable: false,
    },
    createdColumn,
    modifiedColumn,
    { id: 'arn', header: 'ARN', field: 'ImageArn', cell: 'arn', defaultVisible: false, sortable: false },
  ],
  filters: [
    {
      id: 'name',
      label: 'Name contains',
      kind: 'text',
      apiParam: 'NameContains',
      side: 'server',
    },
    createdFilter,
    modifiedFilter,
    { id: 'status', label: 'Status', kind: 'multiEnum', field: 'ImageStatus', options: IMAGE_STATUSES, side: 'client' },
  ],
} satisfies ResourceSpec<typeof imageQuery, ImageRow, Record<string, never>>;
