import * as versions from '@/app/api/images/[ImageName]/versions/route';
import * as images from '@/app/api/images/route';
import * as modelPackages from '@/app/api/model-packages/route';

export type RouteName = 'images' | 'image-versions' | 'model-packages';

const handlers = { images, 'image-versions': versions, 'model-packages': modelPackages } as const;

export interface ProxyReply {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Calls a route module's handler the way Next does: a Request plus a promise of the route parameters. */
export async function callRoute(
  route: RouteName,
  query = '',
  params: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<ProxyReply> {
  const segment = encodeURIComponent((params.ImageName ?? '').replace(/[\uD800-\uDFFF]/gu, '\uFFFD'));
  const path = route === 'image-versions' ? `/api/images/${segment}/versions` : `/api/${route}`;
  const request = new Request(`http://localhost${path}${query === '' ? '' : `?${query}`}`, { signal });
  const response = await handlers[route].GET(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) };
}
