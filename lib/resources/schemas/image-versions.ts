import 'server-only';
import { z } from 'zod';
import { imageVersionsSpec, type ImageVersionRow } from '../image-versions';
import type { Listing } from './listing';
import {
  creationTimeParams,
  imageNameParam,
  lastModifiedTimeParams,
  oneOf,
  pageParams,
  sourceFields,
  wholeNumber,
} from './params';

export const imageVersionPath = z.strictObject({ ImageName: imageNameParam });

const imageVersionQuery = z.strictObject({
  ...creationTimeParams,
  ...lastModifiedTimeParams,
  SortBy: oneOf(['CREATION_TIME', 'LAST_MODIFIED_TIME', 'VERSION']).optional(),
  SortOrder: oneOf(['ASCENDING', 'DESCENDING']).optional(),
  ...pageParams,
});

const imageVersionRow = z.object({
  Version: z.number(),
  ImageVersionArn: z.string(),
  ImageArn: z.string(),
  ImageVersionStatus: z.string(),
  FailureReason: z.string().optional(),
  CreationTime: z.string(),
  LastModifiedTime: z.string(),
  ...sourceFields,
});

export const imageVersionsListing = {
  ...imageVersionsSpec,
  pathParams: imageVersionPath,
  query: imageVersionQuery,
  row: imageVersionRow,
  details: { ...imageVersionsSpec.details, query: z.strictObject({ ImageName: imageNameParam, Version: wholeNumber }) },
} satisfies Listing<ImageVersionRow>;
