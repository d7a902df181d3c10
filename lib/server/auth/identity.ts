import 'server-only';
import { z } from 'zod';

export interface Identity {
  /** The email when the identity provider gives one, otherwise the subject. */
  id: string;
  email: string | undefined;
  groups: string[];
}

export type AuthFailureReason = 'missing' | 'invalid' | 'expired' | 'unknown-key' | 'forbidden' | 'unavailable';

/** A refused request: 401 for no or bad credentials, 403 for a valid user outside the allow-lists. */
export class AuthError extends Error {
  override readonly name = 'AuthError';

  /** By name: Next bundles this module more than once, and an error may come from another bundle's class. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'AuthError';
  }

  constructor(
    readonly reason: AuthFailureReason,
    message: string,
    options?: { cause: unknown },
  ) {
    super(message, options);
  }

  get status(): 401 | 403 | 503 {
    if (this.reason === 'forbidden') return 403;
    return this.reason === 'unavailable' ? 503 : 401;
  }
}

const claimText = z.string().trim().min(1).max(320).optional().catch(undefined);
const claimGroups = z
  .union([z.array(z.string()), z.string().transform((value) => value.split(','))])
  .transform((groups) => groups.map((group) => group.trim()).filter(Boolean))
  .catch([]);

const emailVerified = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')])
  .optional()
  .catch(false);

export interface ClaimRules {
  groupsClaim: string;
  clockToleranceSeconds: number;
  /** Refuse an email that comes without `email_verified: true`; an explicit `false` is refused either way. */
  requireEmailVerified: boolean;
  nowSeconds?: number;
}

/** The identity carried by claims whose signature checked out; refuses a token naming nobody or vouching for nothing. */
export function identityFromClaims(claims: Record<string, unknown>, rules: ClaimRules): Identity {
  const now = rules.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (typeof claims.iat === 'number' && claims.iat > now + rules.clockToleranceSeconds)
    throw new AuthError('invalid', 'The identity assertion was issued in the future.');
  const email = claimText.parse(claims.email)?.toLowerCase();
  if (email !== undefined) {
    const verified = emailVerified.parse(claims.email_verified);
    if (verified === false || (verified === undefined && rules.requireEmailVerified))
      throw new AuthError(
        'invalid',
        'The identity provider does not vouch for the email in the assertion (email_verified).',
      );
  }
  const id = email ?? claimText.parse(claims.preferred_username) ?? claimText.parse(claims.sub);
  if (id === undefined)
    throw new AuthError('invalid', 'The identity assertion names no user (no email, preferred_username or sub).');
  return { id, email, groups: claimGroups.parse(claims[rules.groupsClaim]) };
}
