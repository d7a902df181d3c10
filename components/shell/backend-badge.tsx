export interface BackendView {
  kind: 'emulator' | 'aws' | 'custom';
  label: string;
  /** Shown beside the label where there is room: the account. */
  detail?: string;
  /** Said on hover: the endpoint's host, the region and the accounts. */
  title: string;
}

const TONES = {
  emulator:
    'bg-amber-100 text-amber-900 ring-amber-600/40 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/40',
  aws: 'bg-zinc-100 text-zinc-800 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-400/30',
  custom:
    'bg-violet-100 text-violet-900 ring-violet-600/40 dark:bg-violet-950 dark:text-violet-200 dark:ring-violet-400/40',
} as const;

/** Where the data comes from. */
export function BackendBadge({ backend }: { backend: BackendView }) {
  return (
    <span
      data-testid="backend-badge"
      title={backend.title}
      className={`inline-flex shrink-0 items-center gap-1.5 rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[backend.kind]}`}
    >
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {backend.label}
      {backend.detail !== undefined && <span className="hidden font-normal sm:inline">· {backend.detail}</span>}
    </span>
  );
}
