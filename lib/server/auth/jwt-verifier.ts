import 'server-only';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { JwtAuthEnv } from '@/lib/config/auth-settings';
import { identityFromClaims, type Identity } from './identity';
import { FailedFetches, type Clock } from './key-fetch-limits';
import { readToken, refusalFor } from './token';

let keySets = new Map<string, JWTVerifyGetKey>();
let failed = new FailedFetches(performance);

/**
 * The remote key set. While its last fetch failed recently and no fresh keys are cached, requests are refused
 * without fetching it again; with fresh keys cached, tokens signed by those keys keep verifying meanwhile.
 */
function keySet(url: string): JWTVerifyGetKey {
  const known = keySets.get(url);
  if (known !== undefined) return known;
  const remote = createRemoteJWKSet(new URL(url), {
    timeoutDuration: 5_000,
    cooldownDuration: 30_000,
    cacheMaxAge: 600_000,
  });
  const guarded: JWTVerifyGetKey = async (header, token) => {
    const failure = failed.recall(url);
    if (failure !== undefined && !remote.fresh) throw failure;
    try {
      return await remote(header, token);
    } catch (error) {
      const refusal = refusalFor(error);
      if (refusal.reason === 'unavailable') failed.remember(url, refusal);
      throw error;
    }
  };
  keySets.set(url, guarded);
  return guarded;
}

/** Verifies a JWT signed with a key from the configured JWKS (oauth2-proxy, Pomerium, Cloudflare Access, Google IAP). */
export async function verifyJwt(headers: Headers, env: JwtAuthEnv): Promise<Identity> {
  const token = readToken(headers, env.AUTH_JWT_HEADER);
  try {
    const { payload } = await jwtVerify(token, keySet(env.AUTH_JWKS_URL), {
      issuer: env.AUTH_JWT_ISSUER,
      audience: env.AUTH_JWT_AUDIENCE,
      algorithms: env.AUTH_JWT_ALGORITHMS,
      clockTolerance: env.AUTH_CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp'],
    });
    return identityFromClaims(payload, {
      groupsClaim: env.AUTH_GROUPS_CLAIM,
      clockToleranceSeconds: env.AUTH_CLOCK_TOLERANCE_SECONDS,
      requireEmailVerified: env.AUTH_JWT_REQUIRE_EMAIL_VERIFIED,
    });
  } catch (error) {
    throw refusalFor(error);
  }
}

export function resetJwksForTests(clock: Clock = performance): void {
  keySets = new Map();
  failed = new FailedFetches(clock);
}
