import 'server-only';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { z } from 'zod';
import { ALB_HEADERS, albRegion, type AlbAuthEnv } from '@/lib/config/auth-settings';
import { albKeyBaseUrl, albPublicKey } from './alb-keys';
import { AuthError, identityFromClaims, type Identity } from './identity';
import { readToken, refusalFor } from './token';

export const ALB_DATA_HEADER = ALB_HEADERS[0];

const albHeader = z.object({ alg: z.literal('ES256'), kid: z.string(), signer: z.string() });

function protectedHeader(token: string): z.infer<typeof albHeader> {
  try {
    const parsed = albHeader.safeParse(decodeProtectedHeader(token));
    if (parsed.success) return parsed.data;
  } catch (error) {
    throw new AuthError('invalid', 'The load balancer assertion header cannot be read.', { cause: error });
  }
  throw new AuthError('invalid', 'The load balancer assertion is not an ES256 token with kid and signer.');
}

/** Verifies the ALB OIDC assertion: ES256, key fetched by kid, signer equal to the configured load balancer. */
export async function verifyAlb(headers: Headers, env: AlbAuthEnv): Promise<Identity> {
  const token = readToken(headers, ALB_DATA_HEADER);
  const header = protectedHeader(token);
  if (header.signer !== env.AUTH_ALB_ARN)
    throw new AuthError('invalid', 'The assertion was signed by another load balancer.');
  const baseUrl = albKeyBaseUrl(albRegion(env.AUTH_ALB_ARN), env.AUTH_ALB_KEY_URL);
  try {
    const key = await albPublicKey(baseUrl, header.kid);
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['ES256'],
      clockTolerance: env.AUTH_CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp'],
      ...(env.AUTH_JWT_ISSUER === undefined ? {} : { issuer: env.AUTH_JWT_ISSUER }),
    });
    return identityFromClaims(payload, {
      groupsClaim: env.AUTH_GROUPS_CLAIM,
      clockToleranceSeconds: env.AUTH_CLOCK_TOLERANCE_SECONDS,
      requireEmailVerified: false,
    });
  } catch (error) {
    throw refusalFor(error);
  }
}
