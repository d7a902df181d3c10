import 'server-only';
import { headers } from 'next/headers';
import { userFromHeaders, type CurrentUser } from './user-header';

export type { CurrentUser };

/** The signed-in user verified by proxy.ts, for server components and route handlers; null when AUTH_MODE=none. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  return userFromHeaders(await headers());
}
