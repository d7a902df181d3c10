import Link from 'next/link';
import { focusRing } from '@/components/ui/styles';
import { BackendBadge, type BackendView } from './backend-badge';
import { NavLinks, type NavLink } from './nav-links';
import { SignedInUser } from './signed-in-user';

interface TopNavProps {
  links: readonly NavLink[];
  /** Only for a request the server authenticated; nothing else may learn where the data comes from. */
  backend: BackendView | null;
  user: string | null;
}

/** One row on wide screens; on a phone the sections take a second row of their own. */
export function TopNav({ links, backend, user }: TopNavProps) {
  return (
    <header className="flex shrink-0 flex-wrap items-center gap-x-4 gap-y-1 border-b border-zinc-200 bg-white px-4 py-1.5 sm:h-11 sm:flex-nowrap sm:py-0 dark:border-zinc-800 dark:bg-zinc-900">
      <Link
        href={links[0]?.href ?? '/'}
        className={`shrink-0 rounded text-sm font-semibold tracking-tight ${focusRing}`}
      >
        SageMaker catalog
      </Link>
      <nav
        aria-label="Main"
        className="order-last -mx-2 w-full overflow-x-auto sm:order-none sm:mx-0 sm:w-auto sm:flex-1"
      >
        <NavLinks links={links} />
      </nav>
      <div className="ml-auto flex min-w-0 items-center gap-3">
        {backend !== null && <BackendBadge backend={backend} />}
        {user !== null && <SignedInUser name={user} />}
      </div>
    </header>
  );
}
