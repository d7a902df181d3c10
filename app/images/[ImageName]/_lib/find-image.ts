import 'server-only';
import type { ImageRow } from '@/lib/resources/images';
import { imagesAdapter } from '@/lib/sagemaker/images';
import { sageMakerBackend } from '@/lib/sagemaker/client';

const MAX_CALLS = 20;

/** ListImages has no exact-name filter: scan NameContains pages for the image with exactly this name. */
export async function findImage(imageName: string): Promise<ImageRow | undefined> {
  const backend = sageMakerBackend();
  let nextToken: string | undefined;
  for (let call = 0; call < MAX_CALLS; call += 1) {
    const page = await imagesAdapter.listPage(backend, {
      query: { NameContains: imageName },
      path: undefined,
      maxResults: 100,
      nextToken,
    });
    const match = page.items.find((image) => image.ImageName === imageName);
    if (match !== undefined) return match;
    nextToken = page.nextToken;
    if (nextToken === undefined) return undefined;
  }
  throw new Error(`Image ${imageName} was not found within ${MAX_CALLS} ListImages pages`);
}
