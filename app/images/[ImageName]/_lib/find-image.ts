import 'server-only';
import { randomUUID } from 'node:crypto';
import { imagesSpec, type ImageRow } from '@/lib/resources/images';
import { getCurrentUser } from '@/lib/server/auth/current-user';
import { findRow } from '@/lib/server/find-row';
import { ProxyError } from '@/lib/server/proxy-error';

export type ImageLookup = { image: ImageRow; error?: never } | { image?: never; error: ProxyError } | undefined;

/**
 * ListImages has no exact-name filter: the image is the NameContains match with exactly this name. Undefined
 * when there is none; an upstream failure is returned to show, never taken for "not found".
 */
export async function findImage(imageName: string): Promise<ImageLookup> {
  const user = await getCurrentUser();
  try {
    const image = await findRow(
      imagesSpec,
      { query: { NameContains: imageName }, path: {}, matches: (candidate) => candidate.ImageName === imageName },
      { requestId: randomUUID(), route: 'page:image', method: 'GET', user: user?.id ?? null, sentParams: [] },
    );
    return image === undefined ? undefined : { image };
  } catch (error) {
    if (error instanceof ProxyError) return { error };
    throw error;
  }
}
