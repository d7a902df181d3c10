import 'server-only';
import { z } from 'zod';
import { authSettings, type AuthEnv } from './auth-settings';

/** A setting the server cannot run with; the message names every bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  /** By name: Next bundles this module more than once, and an error may come from another bundle's class. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'ConfigError';
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

function integer(min: number, max: number, fallback: number) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((value) => value ?? fallback);
}

/** Whether a URL's user and password decode, as the Redis client decodes them before it connects. */
function decodable(url: URL | null): boolean {
  if (url === null) return false;
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
    return true;
  } catch {
    return false;
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const settings = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).catch('production'),
  AWS_REGION: optionalText,
  AWS_DEFAULT_REGION: optionalText,
  AWS_PROFILE: optionalText,
  AWS_ACCESS_KEY_ID: optionalText,
  AWS_ENDPOINT_URL_SAGEMAKER: optionalText.pipe(z.url().optional()),
  AWS_ENDPOINT_URL: optionalText.pipe(z.url().optional()),
  AWS_MAX_ATTEMPTS: integer(1, 10, 3),
  AWS_RETRY_MODE: z
    .enum(['standard', 'adaptive'])
    .optional()
    .transform((value) => value ?? 'standard'),
  SAGEMAKER_TIMEOUT_MS: integer(100, 120_000, 10_000),
  SAGEMAKER_CONNECT_TIMEOUT_MS: integer(50, 60_000, 3_000),
  SAGEMAKER_MAX_CONCURRENCY: integer(1, 256, 10),
  SAGEMAKER_QUEUE_TIMEOUT_MS: integer(0, 60_000, 5_000),
  PROXY_CACHE_TTL_MS: integer(0, 3_600_000, 5_000),
  PROXY_CACHE_MAX_ENTRIES: integer(1, 1_000_000, 500),
  PROXY_CACHE_MAX_BYTES: integer(1024, 1024 ** 3, 32 * 1024 ** 2),
  PROXY_FOLLOW_MAX_CALLS: integer(1, 100, 10),
  PROXY_FOLLOW_MAX_MS: integer(0, 60_000, 3_000),
  PROXY_LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  METRICS_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  READY_TIMEOUT_MS: integer(100, 60_000, 5_000),
  CATALOG_SOURCES_FILE: optionalText,
  CATALOG_REGIONS: optionalText,
  CATALOG_SOURCE_WAIT_MS: integer(100, 120_000, 4_000),
  CATALOG_SOURCE_CONCURRENCY: integer(1, 64, 8),
  FULL_LISTING_CONCURRENCY: integer(1, 10, 8),
  /** SageMaker calls per second per account and region; unset means no budget. */
  UPSTREAM_MAX_RPS: integer(1, 10_000, 0).transform((value) => (value === 0 ? undefined : value)),
  UPSTREAM_BUDGET_WAIT_MS: integer(0, 60_000, 3_000),
  AWS_ENDPOINT_URL_STS: optionalText.pipe(z.url().optional()),
  /** The Redis (or Valkey) every replica shares its cache, calls in flight and rate budget through. */
  CACHE_URL: optionalText.pipe(
    z
      .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
      .refine((url) => /^\/?\d{0,2}$/.test(URL.parse(url)?.pathname ?? ''), 'may name a database by its number only')
      .refine((url) => decodable(URL.parse(url)), 'must percent-encode its user and password (a "%" as %25)')
      .optional(),
  ),
  CACHE_PREFIX: optionalText
    .pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9:._-]{0,63}$/, 'must be 1-64 letters, digits and : . _ -, starting alnum')
        .optional(),
    )
    .transform((value) => value ?? 'sagemaker-dashboard'),
  CACHE_TIMEOUT_MS: integer(10, 10_000, 250),
});

export type ServerEnv = z.infer<typeof settings> & { auth: AuthEnv };

function problems(error: z.ZodError, fallback: string): string[] {
  return error.issues.map((issue) => {
    const name = issue.path.find((key) => typeof key === 'string') ?? fallback;
    return `${name} ${issue.message}`;
  });
}

/** Every setting of the server from one environment, validated together: one error names each bad variable. */
export function parseServerEnv(env: NodeJS.ProcessEnv): ServerEnv {
  const base = settings.safeParse(env);
  const auth = authSettings.safeParse(env);
  const found = [
    ...(base.success ? [] : problems(base.error, 'environment')),
    ...(auth.success ? [] : problems(auth.error, 'AUTH_MODE')),
  ];
  if (!base.success || !auth.success) throw new ConfigError(`Invalid server settings: ${found.join('; ')}`);
  return { ...base.data, auth: auth.data };
}

let cached: ServerEnv | undefined;

/** The server's settings, read from process.env once. */
export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

/** The log level alone, readable even when another variable is invalid, so that failure can be logged. */
export function logLevel(): (typeof LOG_LEVELS)[number] {
  const level = z.enum(LOG_LEVELS).safeParse(process.env.PROXY_LOG_LEVEL);
  return level.success ? level.data : 'info';
}

export function resetEnvForTests(): void {
  cached = undefined;
}
