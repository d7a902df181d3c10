import { getCurrentUser } from '@/lib/server/auth/current-user';

/** The user the SSO front signed in, as verified by proxy.ts; nothing when authentication is off. */
export async function SignedInUser() {
  const user = await getCurrentUser();
  if (user === null) return null;
  const name = user.email ?? user.id;
  return (
    <span
      data-testid="signed-in-user"
      title={`Signed in as ${name}`}
      className="max-w-40 truncate text-xs sm:max-w-56 text-zinc-600 dark:text-zinc-300"
    >
      {name}
    </span>
  );
}
