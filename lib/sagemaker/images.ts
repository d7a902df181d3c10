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
  async listPage(client, request) {
    const output = await client.send(new ListImagesCommand(listImagesInput(request)));
    return toPage(imageRow, output.Images, output);
  },
};
