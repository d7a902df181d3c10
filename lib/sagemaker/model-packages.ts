import 'server-only';
import { ListModelPackagesCommand, type ListModelPackagesCommandInput } from '@aws-sdk/client-sagemaker';
import { modelPackageRow, type ModelPackageQuery, type ModelPackageRow } from '@/lib/resources/model-packages';
import { toPage, type ListAdapter, type PageRequest } from './list-adapter';

export function listModelPackagesInput({
  query,
  maxResults,
  nextToken,
}: PageRequest<ModelPackageQuery, unknown>): ListModelPackagesCommandInput {
  return { ...query, MaxResults: maxResults, NextToken: nextToken };
}

/** ListModelPackages documents no default page size; 10 matches the image APIs. */
export const modelPackagesAdapter: ListAdapter<ModelPackageQuery, unknown, ModelPackageRow> = {
  defaultPageSize: 10,
  async listPage(client, request) {
    const output = await client.send(new ListModelPackagesCommand(listModelPackagesInput(request)));
    return toPage(modelPackageRow, output.ModelPackageSummaryList, output);
  },
};
