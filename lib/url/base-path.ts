/** The BASE_PATH the app was built with (next.config.mjs exposes it to the browser); '' when served at the root. */
export const BASE_PATH = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

/** Prefixes an absolute app path such as /api/images for fetch, which, unlike next/link, does not add the base path. */
export function withBasePath(path: string): string {
  return `${BASE_PATH}${path}`;
}
