import 'server-only';
import { z } from 'zod';
import { IMAGE_NAME_CONTAINS } from '../constraints';
import { imagesSpec, type ImageRow } from '../images';
import type { Listing } from './listing';
import {
  creationTimeParams,
  imageNameParam,
  lastModifiedTimeParams,
  oneOf,
  pageParams,
  sourceFields,
  text,
} from './params';

export const imageQuery = z.strictObject({
  NameContains: text(IMAGE_NAME_CONTAINS).optional(),
  ...creationTimeParams,
  ...lastModifiedTimeParams,
  SortBy: oneOf(['CREATION_TIME', 'LAST_MODIFIED_TIME', 'IMAGE_NAME']).optional(),
  SortOrder: oneOf(['ASCENDING', 'DESCENDING']).optional(),
  ...pageParams,
});

export const imageRow = z.object({
  ImageName: z.string(),
  ImageArn: z.string(),
  ImageStatus: z.string(),
  DisplayName: z.string().optional(),
  Description: z.string().optional(),
  FailureReason: z.string().optional(),
  CreationTime: z.string(),
  LastModifiedTime: z.string(),
  ...sourceFields,
});

export const imagesListing = {
  ...imagesSpec,
  pathParams: z.strictObject({}),
  query: imageQuery,
  row: imageRow,
  details: { ...imagesSpec.details, query: z.strictObject({ ImageName: imageNameParam }) },
} satisfies Listing<ImageRow>;
