import 'server-only';
import { z } from 'zod';

const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;
const HEADER_NAME = /^[A-Za-z0-9-]+$/;

const text = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

function list<T extends z.ZodType<unknown, string>>(item: T) {
  return text
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));
}

function required<T extends z.ZodType<unknown, string>>(schema: T, mode: string) {
  return text.pipe(z.string({ error: `is required when AUTH_MODE=${mode}` }).pipe(schema));
}

function headerName(fallback: string) {
  return text
    .pipe(z.string().regex(HEADER_NAME, 'must be an HTTP header name').optional())
    .transform((value) => (value ?? fallback).toLowerCase());
}

const seconds = text
  .pipe(z.string().regex(/^\d+$/, 'must be a whole number of seconds').optional())
  .transform((value) => (value === undefined ? 30 : Number(value)))
  .pipe(z.number().max(300));

const allowLists = {
  AUTH_ALLOWED_EMAILS: list(z.string().regex(/^[^\s@]*@[^\s@]+$/, 'must list emails or @domains')).transform((items) =>
    items.map((item) => item.toLowerCase()),
  ),
  AUTH_ALLOWED_GROUPS: list(z.string()),
  AUTH_GROUPS_CLAIM: text.transform((value) => value ?? 'groups'),
  AUTH_CLOCK_TOLERANCE_SECONDS: seconds,
};

const jwtMode = z.object({
  AUTH_MODE: z.literal('jwt'),
  AUTH_JWT_HEADER: headerName('authorization'),
  AUTH_JWKS_URL: required(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }), 'jwt'),
  AUTH_JWT_ISSUER: required(z.string(), 'jwt'),
  AUTH_JWT_AUDIENCE: required(z.string(), 'jwt').transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  ),
  AUTH_JWT_ALGORITHMS: list(
    z.enum(ASYMMETRIC_ALGORITHMS, { error: `must be among ${ASYMMETRIC_ALGORITHMS.join(', ')}` }),
  ).transform((items) => (items.length === 0 ? ['RS256', 'ES256'] : items)),
  AUTH_JWT_REQUIRE_EMAIL_VERIFIED: text
    .pipe(z.enum(['true', 'false'], { error: 'must be true or false' }).optional())
    .transform((value) => value !== 'false'),
  ...allowLists,
});

const ALB_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:([a-z0-9-]+):\d{12}:loadbalancer\/app\/.+$/;

const albMode = z.object({
  AUTH_MODE: z.literal('alb'),
  AUTH_ALB_ARN: required(z.string().regex(ALB_ARN, 'must be an application load balancer ARN'), 'alb'),
  AUTH_ALB_KEY_URL: text.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  AUTH_JWT_ISSUER: text,
  ...allowLists,
});

const headerMode = z.object({
  AUTH_MODE: z.literal('header'),
  AUTH_HEADER_SECRET: required(z.string().min(16, 'must be at least 16 characters'), 'header'),
  AUTH_HEADER_SECRET_NAME: headerName('x-auth-proxy-secret'),
  AUTH_HEADER_EMAIL: headerName('x-forwarded-email'),
  AUTH_HEADER_USER: headerName('x-forwarded-user'),
  AUTH_HEADER_GROUPS: headerName('x-forwarded-groups'),
  ...allowLists,
});

const noneMode = z.object({ AUTH_MODE: z.literal('none') });

const modes = z.discriminatedUnion('AUTH_MODE', [noneMode, jwtMode, albMode, headerMode], {
  error: 'must be one of none, jwt, alb, header',
});

/** The AUTH_* variables of an environment, one shape per AUTH_MODE. */
export const authSettings = z.looseObject({ AUTH_MODE: text.transform((value) => value ?? 'none') }).pipe(modes);

export type AuthEnv = z.infer<typeof authSettings>;
export type JwtAuthEnv = Extract<AuthEnv, { AUTH_MODE: 'jwt' }>;
export type AlbAuthEnv = Extract<AuthEnv, { AUTH_MODE: 'alb' }>;
export type HeaderAuthEnv = Extract<AuthEnv, { AUTH_MODE: 'header' }>;

/** ALB OIDC adds the signed claims, the access token and the subject. */
export const ALB_HEADERS = ['x-amzn-oidc-data', 'x-amzn-oidc-accesstoken', 'x-amzn-oidc-identity'] as const;

/** The headers a mode reads identity from; each must come at most once, since a repeat would be merged or dropped. */
export function identityHeaderNames(env: AuthEnv): string[] {
  switch (env.AUTH_MODE) {
    case 'none':
      return [];
    case 'jwt':
      return [env.AUTH_JWT_HEADER];
    case 'alb':
      return [...ALB_HEADERS];
    case 'header':
      return [env.AUTH_HEADER_SECRET_NAME, env.AUTH_HEADER_EMAIL, env.AUTH_HEADER_USER, env.AUTH_HEADER_GROUPS];
  }
}

/** The region an ALB ARN lives in. */
export function albRegion(arn: string): string {
  return ALB_ARN.exec(arn)?.[1] ?? '';
}

/** Parses the AUTH_* variables alone, as the verifiers' tests configure each mode. */
export function parseAuthSettings(env: NodeJS.ProcessEnv): AuthEnv {
  return authSettings.parse(env);
}
