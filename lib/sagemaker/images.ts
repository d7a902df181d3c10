import 'server-only';
import { ListImagesCommand, type ListImagesCommandInput } from '@aws-sdk/client-sagemaker';
import { imageRow, type ImageQuery, type ImageRow } from '@/lib/resources/images';
import { toPage, type ListAdapter, type PageRequest } from './list-adapter';

export function listImagesInput({
  query,
  maxResults,
  nextToken,
}: PageRequest<ImageQuery, unknown>): ListImagesCommandInput {
  return { ...query, MaxResults: maxResults, NextToken: nextToken };
}

export const imagesAdapter: ListAdapter<ImageQuery, unknown, ImageRow> = {
  defaultPageSize: 10,
  async listPage(backend, request) {
    const output = await backend.run('ListImages', request.signal, (abortSignal) =>
      backend.client.send(new ListImagesCommand(listImagesInput(request)), { abortSignal }),
    );
    return toPage(imageRow, output.Images, output);
  },
};
