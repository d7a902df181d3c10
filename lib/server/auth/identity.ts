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

/** The identity carried by verified claims; refuses a token naming nobody. */
export function identityFromClaims(claims: Record<string, unknown>, groupsClaim: string): Identity {
  const email = claimText.parse(claims.email)?.toLowerCase();
  const id = email ?? claimText.parse(claims.preferred_username) ?? claimText.parse(claims.sub);
  if (id === undefined)
    throw new AuthError('invalid', 'The identity assertion names no user (no email, preferred_username or sub).');
  return { id, email, groups: claimGroups.parse(claims[groupsClaim]) };
}
