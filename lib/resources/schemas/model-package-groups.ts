import 'server-only';
import { z } from 'zod';
import { ENTITY_NAME_CONTAINS, GROUP_NAME_OR_ARN } from '../constraints';
import { modelPackageGroupsSpec, type ModelPackageGroupRow } from '../model-package-groups';
import type { Listing } from './listing';
import { creationTimeParams, oneOf, pageParams, sourceFields, text } from './params';

const modelPackageGroupQuery = z.strictObject({
  NameContains: text(ENTITY_NAME_CONTAINS).optional(),
  ...creationTimeParams,
  SortBy: oneOf(['Name', 'CreationTime']).optional(),
  SortOrder: oneOf(['Ascending', 'Descending']).optional(),
  CrossAccountFilterOption: oneOf(['SameAccount', 'CrossAccount']).optional(),
  ...pageParams,
});

const modelPackageGroupRow = z.object({
  ModelPackageGroupName: z.string(),
  ModelPackageGroupArn: z.string(),
  ModelPackageGroupDescription: z.string().optional(),
  CreationTime: z.string(),
  ModelPackageGroupStatus: z.string(),
  ManagedConfiguration: z.object({ ManagedStorageType: z.string().optional() }).optional(),
  ...sourceFields,
});

export const modelPackageGroupsListing = {
  ...modelPackageGroupsSpec,
  pathParams: z.strictObject({}),
  query: modelPackageGroupQuery,
  row: modelPackageGroupRow,
  details: {
    ...modelPackageGroupsSpec.details,
    query: z.strictObject({
      ModelPackageGroupName: text(GROUP_NAME_OR_ARN),
    }),
  },
} satisfies Listing<ModelPackageGroupRow>;
