import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { sameSecret } from './header-verifier';
import type { Identity } from './identity';

/** Set by proxy.ts on the request after verification; any copy sent by the client is removed first. */
export const USER_HEADER = 'x-dashboard-user';

/** Set by proxy.ts on every request it authenticated (with AUTH_MODE=none too); absent on open paths. */
export const AUTHENTICATED_HEADER = 'x-dashboard-authenticated';

const holder = globalThis as typeof globalThis & { sagemakerDashboardGuardMark?: string };

/**
 * The value proxy.ts writes into AUTHENTICATED_HEADER: random per process, so a client cannot forge it even on
 * a path proxy.ts never sees (outside BASE_PATH). Kept on globalThis, which proxy.ts and the pages share.
 */
export function guardMark(): string {
  holder.sagemakerDashboardGuardMark ??= randomUUID();
  return holder.sagemakerDashboardGuardMark;
}

export function requestAuthenticated(headers: Pick<Headers, 'get'>): boolean {
  const value = headers.get(AUTHENTICATED_HEADER);
  return value !== null && sameSecret(value, guardMark());
}

const currentUser = z.object({ id: z.string().min(1), email: z.string().optional() });

export type CurrentUser = z.infer<typeof currentUser>;

export function encodeUser(identity: Identity): string {
  const user: CurrentUser = { id: identity.id, ...(identity.email === undefined ? {} : { email: identity.email }) };
  return encodeURIComponent(JSON.stringify(user));
}

/** The user proxy.ts put on the request, or null (AUTH_MODE=none, or a path proxy.ts leaves open). */
export function userFromHeaders(headers: Pick<Headers, 'get'>): CurrentUser | null {
  const value = headers.get(USER_HEADER);
  if (value === null) return null;
  return currentUser.parse(JSON.parse(decodeURIComponent(value)));
}
