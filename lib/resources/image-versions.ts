import { parseArn, sageMakerConsoleUrl } from './console';
import { createdColumn, modifiedColumn, createdFilter, modifiedFilter } from './shared';
import type { SourceFields } from './page';
import type { ResourceSpec } from './types';

export const IMAGE_VERSION_STATUSES = ['CREATING', 'CREATED', 'CREATE_FAILED', 'DELETING', 'DELETE_FAILED'] as const;

/** One version of an image as the proxy returns it (`ListImageVersions`' `ImageVersions`). */
export type ImageVersionRow = SourceFields & {
  Version: number;
  ImageVersionArn: string;
  ImageArn: string;
  ImageVersionStatus: string;
  FailureReason?: string;
  CreationTime: string;
  LastModifiedTime: string;
};

export const imageVersionsSpec = {
  id: 'image-versions',
  label: 'Image versions',
  blurb: 'The versions of one image.',
  noun: 'image version',
  operation: 'ListImageVersions',
  resultKey: 'ImageVersions',
  route: '/images/[ImageName]',
  apiRoute: '/api/images/[ImageName]/versions',
  idField: 'ImageVersionArn',
  details: {
    operation: 'DescribeImageVersion',
    params: { ImageName: { path: 'ImageName' }, Version: { id: 'last' } },
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
} satisfies ResourceSpec<ImageVersionRow>;
