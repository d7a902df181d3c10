import 'server-only';
import { z } from 'zod';
import { ENTITY_NAME_CONTAINS, GROUP_NAME_OR_ARN, MODEL_PACKAGE_NAME_OR_ARN } from '../constraints';
import {
  MODEL_APPROVAL_STATUSES,
  MODEL_PACKAGE_TYPES,
  modelPackagesSpec,
  type ModelPackageRow,
} from '../model-packages';
import type { Listing } from './listing';
import { creationTimeParams, oneOf, pageParams, sourceFields, text } from './params';

export const modelPackageQuery = z.strictObject({
  NameContains: text(ENTITY_NAME_CONTAINS).optional(),
  ...creationTimeParams,
  ModelApprovalStatus: oneOf(MODEL_APPROVAL_STATUSES).optional(),
  ModelPackageGroupName: text(GROUP_NAME_OR_ARN).optional(),
  ModelPackageType: oneOf(MODEL_PACKAGE_TYPES).optional(),
  SortBy: oneOf(['Name', 'CreationTime']).optional(),
  SortOrder: oneOf(['Ascending', 'Descending']).optional(),
  ...pageParams,
});

const modelPackageRow = z.object({
  ModelPackageName: z.string().optional(),
  ModelPackageGroupName: z.string().optional(),
  ModelPackageVersion: z.number().optional(),
  ModelPackageArn: z.string(),
  ModelPackageDescription: z.string().optional(),
  CreationTime: z.string(),
  ModelPackageStatus: z.string(),
  ModelApprovalStatus: z.string().optional(),
  ModelLifeCycle: z
    .object({ Stage: z.string(), StageStatus: z.string(), StageDescription: z.string().optional() })
    .optional(),
  ModelPackageRegistrationType: z.string().optional(),
  ...sourceFields,
});

export const modelPackagesListing = {
  ...modelPackagesSpec,
  pathParams: z.strictObject({}),
  query: modelPackageQuery,
  row: modelPackageRow,
  details: {
    ...modelPackagesSpec.details,
    query: z.strictObject({
      ModelPackageName: text(MODEL_PACKAGE_NAME_OR_ARN),
    }),
  },
} satisfies Listing<ModelPackageRow>;
