import * as z from 'zod/mini';
import { imageNameParam, oneOf, wholeNumber } from './constraints';
import { parseArn, sageMakerConsoleUrl } from './console';
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

export const IMAGE_VERSION_STATUSES = ['CREATING', 'CREATED', 'CREATE_FAILED', 'DELETING', 'DELETE_FAILED'] as const;

export const imageVersionPath = z.strictObject({ ImageName: imageNameParam });
export type ImageVersionPath = z.infer<typeof imageVersionPath>;

export const imageVersionQuery = z.strictObject({
  ...creationTimeParams,
  ...lastModifiedTimeParams,
  SortBy: z.optional(oneOf(['CREATION_TIME', 'LAST_MODIFIED_TIME', 'VERSION'])),
  SortOrder: z.optional(oneOf(['ASCENDING', 'DESCENDING'])),
  ...pageParams,
});
export type ImageVersionQuery = z.infer<typeof imageVersionQuery>;

export const imageVersionRow = z.object({
  Version: z.number(),
  ImageVersionArn: z.string(),
  ImageArn: z.string(),
  ImageVersionStatus: z.string(),
  FailureReason: z.optional(z.string()),
  CreationTime: z.string(),
  LastModifiedTime: z.string(),
  ...sourceFields,
});
export type ImageVersionRow = z.infer<typeof imageVersionRow>;

export const imageVersionsSpec = {
  id: 'image-versions',
  label: 'Image versions',
  blurb: 'The versions of one image.',
  noun: 'image version',
  operation: 'ListImageVersions',
  resultKey: 'ImageVersions',
  route: '/images/[ImageName]',
  apiRoute: '/api/images/[ImageName]/versions',
  pathParams: imageVersionPath,
  query: imageVersionQuery,
  row: imageVersionRow,
  idField: 'ImageVersionArn',
  details: {
    operation: 'DescribeImageVersion',
    params: { ImageName: { path: 'ImageName' }, Version: { id: 'last' } },
    query: z.strictObject({ ImageName: imageNameParam, Version: wholeNumber }),
    fields: [
      'BaseImage',
      'ContainerImage',
      'JobType',
      'MLFramework',
      'ProgrammingLang',
      'Processor',
      'Horovod',
      'ReleaseNotes',
      'VendorGuidance',
    ],
  },
  consoleUrl: (row) => {
    const imageName = parseArn(row.ImageArn)?.resource.split('/')[1];
    if (imageName === undefined) return undefined;
    return sageMakerConsoleUrl(row.ImageVersionArn, `images/${encodeURIComponent(imageName)}/versions/${row.Version}`);
  },
  sort: {
    server: { created: 'CREATION_TIME', modified: 'LAST_MODIFIED_TIME', version: 'VERSION' },
    order: { asc: 'ASCENDING', desc: 'DESCENDING' },
    default: { id: 'created', order: 'desc' },
    api: { by: 'CREATION_TIME', order: 'desc' },
    newest: 'created',
  },
  columns: [
    {
      id: 'version',
      header: 'Version',
      field: 'Version',
      cell: 'number',
      defaultVisible: true,
      sortable: 'server',
      pinned: true,
    },
    {
      id: 'status',
      header: 'Status',
      field: 'ImageVersionStatus',
      cell: 'status',
      detailField: 'FailureReason',
      defaultVisible: true,
      sortable: 'client',
    },
    createdColumn,
    modifiedColumn,
    { id: 'arn', header: 'Version ARN', field: 'ImageVersionArn', cell: 'arn', defaultVisible: true, sortable: false },
    { id: 'imageArn', header: 'Image ARN', field: 'ImageArn', cell: 'arn', defaultVisible: false, sortable: false },
  ],
  filters: [
    createdFilter,
    modifiedFilter,
    {
      id: 'status',
      label: 'Status',
      kind: 'multiEnum',
      field: 'ImageVersionStatus',
      options: IMAGE_VERSION_STATUSES,
      side: 'client',
    },
  ],
} satisfies ResourceSpec<typeof imageVersionQuery, ImageVersionRow, ImageVersionPath>;
