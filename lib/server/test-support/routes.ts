/// <reference types="vite/client" />
import { apiPath, routeParams } from '@/lib/resources/derive';
import { resourceSpec, type ResourceId } from '@/lib/resources/registry';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Every API route module of the app, by file; a spec's `apiRoute` names its file. */
const routeModules = import.meta.glob<{ GET: Handler }>('/app/api/**/route.ts', { eager: true });

export function routeModule(id: ResourceId): { GET: Handler } {
  const file = `/app${resourceSpec(id).apiRoute}/route.ts`;
  const found = routeModules[file];
  if (found === undefined) throw new Error(`no route module ${file}`);
  return found;
}

export interface ProxyReply {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Calls a route module's handler the way Next does: a Request plus a promise of the route parameters. */
export async function callRoute(
  route: ResourceId,
  query = '',
  params: Record<string, string> = {},
  signal?: AbortSignal,
  headers?: Record<string, string>,
): Promise<ProxyReply> {
  const spec = resourceSpec(route);
  const printable = Object.fromEntries(
    routeParams(spec.apiRoute).map((name) => [name, (params[name] ?? '').replace(/[\uD800-\uDFFF]/gu, '\uFFFD')]),
  );
  const path = apiPath(spec, printable);
  const request = new Request(`http://localhost${path}${query === '' ? '' : `?${query}`}`, { signal, headers });
  const response = await routeModule(route).GET(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) };
}
