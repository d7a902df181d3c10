import 'server-only';
import { AuthError, type Identity } from './identity';

export interface AllowLists {
  AUTH_ALLOWED_EMAILS: string[];
  AUTH_ALLOWED_GROUPS: string[];
}

function emailAllowed(email: string | undefined, allowed: readonly string[]): boolean {
  if (email === undefined) return false;
  return allowed.some((entry) => (entry.startsWith('@') ? email.endsWith(entry) : email === entry));
}

/** With no list configured everyone verified is allowed; otherwise the user must match one list. */
export function authorize(identity: Identity, lists: AllowLists): Identity {
  const emails = lists.AUTH_ALLOWED_EMAILS;
  const groups = lists.AUTH_ALLOWED_GROUPS;
  if (emails.length === 0 && groups.length === 0) return identity;
  if (emailAllowed(identity.email, emails)) return identity;
  if (identity.groups.some((group) => groups.includes(group))) return identity;
  throw new AuthError('forbidden', `${identity.id} is not in the dashboard's allowed emails or groups.`);
}
