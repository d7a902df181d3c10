const STATIC_SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** BASE_PATH serves the app under a prefix such as /sagemaker; it is fixed at build time. */
export function basePathFrom(value) {
  const basePath = (value ?? '').trim();
  if (basePath === '') return '';
  if (!/^\/[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(basePath)) {
    throw new Error(
      `BASE_PATH must start with "/", have no trailing slash and use URL-safe path segments (got "${basePath}").`,
    );
  }
  return basePath;
}

const basePath = basePathFrom(process.env.BASE_PATH);

/** NEXT_OUTPUT=standalone builds the self-contained server the container image runs; `next start` needs the default. */
export function outputFrom(value) {
  const output = (value ?? '').trim();
  if (output === '') return undefined;
  if (output !== 'standalone') throw new Error(`NEXT_OUTPUT must be "standalone" or unset (got "${output}").`);
  return output;
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  distDir: process.env.NEXT_DIST_DIR || '.next',
  output: outputFrom(process.env.NEXT_OUTPUT),
  allowedDevOrigins: ['127.0.0.1'],
  basePath,
  env: { NEXT_PUBLIC_BASE_PATH: basePath },
  async headers() {
    return [
      { source: '/:path*', headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) },
    ];
  },
};

export { STATIC_SECURITY_HEADERS };
export default nextConfig;
