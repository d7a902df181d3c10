import 'server-only';
import { ListImageVersionsCommand, type ListImageVersionsCommandInput } from '@aws-sdk/client-sagemaker';
import {
  imageVersionRow,
  type ImageVersionPath,
  type ImageVersionQuery,
  type ImageVersionRow,
} from '@/lib/resources/image-versions';
import { toPage, type ListAdapter, type PageRequest } from './list-adapter';

export function listImageVersionsInput({
  query,
  path,
  maxResults,
  nextToken,
}: PageRequest<ImageVersionQuery, ImageVersionPath>): ListImageVersionsCommandInput {
  return { ...query, ImageName: path.ImageName, MaxResults: maxResults, NextToken: nextToken };
}

export const imageVersionsAdapter: ListAdapter<ImageVersionQuery, ImageVersionPath, ImageVersionRow> = {
  defaultPageSize: 10,
  async listPage(backend, request) {
    const output = await backend.run('ListImageVersions', request.signal, (abortSignal) =>
      backend.client.send(new ListImageVersionsCommand(listImageVersionsInput(request)), { abortSignal }),
    );
    return toPage(imageVersionRow, output.ImageVersions, output);
  },
};
