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
  async listPage(backend, request) {
    const output = await backend.run('ListModelPackages', request.signal, (abortSignal) =>
      backend.client.send(new ListModelPackagesCommand(listModelPackagesInput(request)), { abortSignal }),
    );
    return toPage(modelPackageRow, output.ModelPackageSummaryList, output);
  },
};
