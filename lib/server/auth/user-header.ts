import 'server-only';
import { z } from 'zod';
import type { Identity } from './identity';

/** Set by proxy.ts on the request after verification; any copy sent by the client is removed first. */
export const USER_HEADER = 'x-dashboard-user';

/** Set by proxy.ts on every request it authenticated (with AUTH_MODE=none too); absent on open paths. */
export const AUTHENTICATED_HEADER = 'x-dashboard-authenticated';

export function requestAuthenticated(headers: Pick<Headers, 'get'>): boolean {
  return headers.get(AUTHENTICATED_HEADER) === '1';
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
