import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export const ISSUER = 'https://idp.example.test';
export const AUDIENCE = 'sagemaker-dashboard';

export interface TestKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

export async function testKey(alg: TestKey['alg'], kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

const now = () => Math.floor(Date.now() / 1000);

export interface Claims extends JWTPayload {
  email?: string;
  email_verified?: boolean | string;
  groups?: string[];
}

/** A token that every verifier configured with ISSUER and AUDIENCE accepts, unless `claims` changes that. */
export function signToken(key: TestKey, claims: Claims = {}): Promise<string> {
  return new SignJWT({ email: 'Ada@Example.com', email_verified: true, groups: ['ml-readers'], ...claims })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? AUDIENCE)
    .setSubject('user-123')
    .setIssuedAt(claims.iat ?? now() - 10)
    .setNotBefore(claims.nbf ?? now() - 10)
    .setExpirationTime(claims.exp ?? now() + 300)
    .sign(key.privateKey);
}

export function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An unsecured JWT (`alg: none`) carrying the same claims a valid token would. */
export function unsignedToken(claims: Claims = {}): string {
  const payload = {
    email: 'ada@example.com',
    iss: ISSUER,
    aud: AUDIENCE,
    sub: 'user-123',
    exp: now() + 300,
    ...claims,
  };
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
}

/** Replaces the payload of a signed token, keeping header and signature. */
export function tamper(token: string, claims: Claims): string {
  const [header, , signature] = token.split('.');
  const payload = {
    email: 'mallory@example.com',
    iss: ISSUER,
    aud: AUDIENCE,
    sub: 'user-999',
    exp: now() + 300,
    ...claims,
  };
  return `${header}.${base64url(payload)}.${signature}`;
}

export { now };
