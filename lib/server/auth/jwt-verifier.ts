import 'server-only';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { JwtAuthEnv } from './auth-env';
import { identityFromClaims, type Identity } from './identity';
import { readToken, refusalFor } from './token';

type KeySet = ReturnType<typeof createRemoteJWKSet>;
const keySets = new Map<string, KeySet>();

function keySet(url: string): KeySet {
  let set = keySets.get(url);
  if (set === undefined) {
    set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    keySets.set(url, set);
  }
  return set;
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

export function resetJwksForTests(): void {
  keySets.clear();
}
