/** The user the SSO front signed in. */
export function SignedInUser({ name }: { name: string }) {
  return (
    <span
      data-testid="signed-in-user"
      title={`Signed in as ${name}`}
      className="max-w-40 truncate text-xs text-zinc-600 sm:max-w-56 dark:text-zinc-300"
    >
      {name}
    </span>
  );
}
