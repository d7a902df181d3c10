import { IMAGE_NAME_CONTAINS } from './constraints';
import { sageMakerConsoleUrl } from './console';
import { createdColumn, modifiedColumn, createdFilter, modifiedFilter, nameContainsFilter } from './shared';
import type { SourceFields } from './page';
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

/** One image as the proxy returns it: the API's field names, ISO 8601 timestamps (`ListImages`' `Images`). */
export type ImageRow = SourceFields & {
  ImageName: string;
  ImageArn: string;
  ImageStatus: string;
  DisplayName?: string;
  Description?: string;
  FailureReason?: string;
  CreationTime: string;
  LastModifiedTime: string;
};

export const imagesSpec = {
  id: 'images',
  label: 'Images',
  blurb: 'Custom SageMaker images. Open an image to see its versions.',
  noun: 'image',
  operation: 'ListImages',
  resultKey: 'Images',
  route: '/images',
  apiRoute: '/api/images',
  idField: 'ImageArn',
  lookup: { contains: 'NameContains', nameField: 'ImageName', arnField: 'ImageArn' },
  children: [{ resource: 'image-versions', via: { path: 'ImageName' } }],
  details: {
    operation: 'DescribeImage',
    params: { ImageName: { id: 'last' } },
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
    nameContainsFilter(IMAGE_NAME_CONTAINS),
    createdFilter,
    modifiedFilter,
    { id: 'status', label: 'Status', kind: 'multiEnum', field: 'ImageStatus', options: IMAGE_STATUSES, side: 'client' },
  ],
} satisfies ResourceSpec<ImageRow>;
