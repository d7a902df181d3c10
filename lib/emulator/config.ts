import { z } from 'zod';
import type { CredentialInput } from './protocol/credentials';
import type { FaultSettings } from './faults';
import type { Scale } from './catalog/types';
import type { PagingMode } from './operations/list-engine';

export const DEFAULT_EMULATOR_PORT = 4599;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_SEED = 42;
export const DEFAULT_ACCESS_KEY_ID = 'AKIDEXAMPLE';
export const DEFAULT_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

export interface EmulatorOptions {
  port?: number;
  host?: string;
  seed?: number;
  scale?: Scale;
  paging?: PagingMode;
  dataFile?: string;
  /** Same format as the data file. */
  data?: unknown;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Extra key pairs, each with an optional fixed account id and session token. */
  credentials?: CredentialInput[];
  latencyMs?: number | [number, number];
  throttleRate?: number;
  errorRate?: number;
  /** Operations answered AccessDeniedException. */
  denyOperations?: string[];
  /** Serve the API under this path as well as `/`, e.g. `/sagemaker`. */
  pathPrefix?: string;
  /** Role ARNs that STS AssumeRole knows; without them, any well-formed role ARN can be assumed. */
  roles?: string[];
  /** Clock in epoch ms, for SigV4 skew checks, the `Date` header and the generated timeline. */
  now?: () => number;
  /** Random source in [0, 1) for fault injection and latency ranges; tests pass a scripted one. */
  random?: () => number;
}

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const rate = z
  .string()
  .regex(/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/, 'must be a number from 0 to 1')
  .transform(Number);

const latency = z
  .string()
  .regex(/^\d+(-\d+)?$/, 'must be milliseconds ("50") or a range ("20-200")')
  .transform((v): number | [number, number] => {
    const [min, max] = v.split('-').map(Number);
    return max === undefined ? (min ?? 0) : [min ?? 0, max];
  })
  .refine((v) => typeof v === 'number' || v[0] <= v[1], 'range must be "min-max" with min <= max');

const credentialList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(/^[^:\s]+:[^:\s]+(:\d{12})?$/, 'entries must look like AKID:SECRET or AKID:SECRET:123456789012')
        .transform((entry): CredentialInput => {
          const [accessKeyId = '', secretAccessKey = '', accountId] = entry.split(':');
          return { accessKeyId, secretAccessKey, ...(accountId ? { accountId } : {}) };
        }),
    ),
  );

const nonBlank = z.string().regex(/^\S+$/, 'must not be empty or contain spaces');

/** Reads every `EMULATOR_*` variable; throws one Error naming each bad variable. */
export function emulatorOptionsFromEnv(env: NodeJS.ProcessEnv): EmulatorOptions {
  const problems: string[] = [];
  const read = <T>(variable: string, schema: z.ZodType<T, string>): T | undefined => {
    const raw = env[variable];
    if (raw === undefined || raw === '') return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    problems.push(`${variable}=${JSON.stringify(raw)}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    return undefined;
  };
  const options: EmulatorOptions = {
    port: read('EMULATOR_PORT', integer(0, 65535)),
    host: read('EMULATOR_HOST', nonBlank),
    seed: read('EMULATOR_SEED', integer(0, 2 ** 32 - 1)),
    scale: read('EMULATOR_SCALE', z.enum(['small', 'medium', 'large'], 'must be small, medium or large')),
    paging: read('EMULATOR_PAGING', z.enum(['scan', 'exact'], 'must be scan or exact')),
    dataFile: read('EMULATOR_DATA', z.string()),
    accessKeyId: read('EMULATOR_ACCESS_KEY_ID', nonBlank),
    secretAccessKey: read('EMULATOR_SECRET_ACCESS_KEY', nonBlank),
    credentials: read('EMULATOR_CREDENTIALS', credentialList),
    latencyMs: read('EMULATOR_LATENCY_MS', latency),
    throttleRate: read('EMULATOR_THROTTLE_RATE', rate),
    errorRate: read('EMULATOR_ERROR_RATE', rate),
    denyOperations: read(
      'EMULATOR_DENY_OPERATIONS',
      z
        .string()
        .transform((v) =>
          v
            .split(',')
            .map((op) => op.trim())
            .filter(Boolean),
        )
        .pipe(z.array(z.string().regex(/^[A-Z][A-Za-z]+$/, 'must list operation names such as DescribeModelPackage'))),
    ),
    pathPrefix: read('EMULATOR_PATH_PREFIX', z.string().regex(/^\/[\w\-/.]*$/, 'must be a path starting with "/"')),
    roles: read(
      'EMULATOR_ROLES',
      z
        .string()
        .transform((v) =>
          v
            .split(',')
            .map((arn) => arn.trim())
            .filter(Boolean),
        )
        .pipe(
          z.array(
            z
              .string()
              .regex(
                /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/,
                'must list role ARNs such as arn:aws:iam::111111111111:role/CatalogReadOnly',
              ),
          ),
        ),
    ),
  };
  if (problems.length > 0) throw new Error(`Invalid emulator configuration:\n  ${problems.join('\n  ')}`);
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

export interface ResolvedConfig {
  port: number;
  host: string;
  seed: number;
  scale: Scale;
  paging: PagingMode;
  credentials: CredentialInput[];
  faults: FaultSettings;
  pathPrefix: string | undefined;
  roles: ReadonlySet<string> | undefined;
  now: () => number;
}

export function resolveConfig(options: EmulatorOptions): ResolvedConfig {
  const primary: CredentialInput = {
    accessKeyId: options.accessKeyId ?? DEFAULT_ACCESS_KEY_ID,
    secretAccessKey: options.secretAccessKey ?? DEFAULT_SECRET_ACCESS_KEY,
  };
  return {
    port: options.port ?? DEFAULT_EMULATOR_PORT,
    host: options.host ?? DEFAULT_HOST,
    seed: options.seed ?? DEFAULT_SEED,
    scale: options.scale ?? 'medium',
    paging: options.paging ?? 'scan',
    credentials: [primary, ...(options.credentials ?? [])],
    faults: {
      ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
      ...(options.throttleRate === undefined ? {} : { throttleRate: options.throttleRate }),
      ...(options.errorRate === undefined ? {} : { errorRate: options.errorRate }),
      ...(options.denyOperations === undefined ? {} : { denyOperations: options.denyOperations }),
    },
    pathPrefix: options.pathPrefix?.replace(/\/+$/, ''),
    roles: options.roles === undefined ? undefined : new Set(options.roles),
    now: options.now ?? Date.now,
  };
}
