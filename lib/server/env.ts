import 'server-only';
import { z } from 'zod';
import { ProxyError } from './proxy-error';

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

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
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
});

export type ServerEnv = z.infer<typeof envSchema>;

let cached: ServerEnv | undefined;

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
}

/** Reads and validates the server's environment once; throws naming each bad variable. */
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const result = envSchema.safeParse(process.env);
  if (!result.success)
    throw new ProxyError(500, 'NotConfigured', `Invalid server environment: ${describe(result.error)}`);
  cached = result.data;
  return cached;
}

/** The log level alone, readable even when another variable is invalid, so that failure can be logged. */
export function proxyLogLevel(): (typeof LOG_LEVELS)[number] {
  const level = z.enum(LOG_LEVELS).safeParse(process.env.PROXY_LOG_LEVEL);
  return level.success ? level.data : 'info';
}

export function resetEnvForTests(): void {
  cached = undefined;
}
