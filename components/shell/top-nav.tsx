import Link from 'next/link';
import { Suspense } from 'react';
import { focusRing } from '@/components/ui/styles';
import { BackendBadge } from './backend-badge';
import { NavLinks } from './nav-links';
import { SignedInUser } from './signed-in-user';

/** One row on wide screens; on a phone the sections take a second row of their own. */
export function TopNav() {
  return (
    <header className="flex shrink-0 flex-wrap items-center gap-x-4 gap-y-1 border-b border-zinc-200 bg-white px-4 py-1.5 sm:h-11 sm:flex-nowrap sm:py-0 dark:border-zinc-800 dark:bg-zinc-900">
      <Link href="/images" className={`shrink-0 rounded text-sm font-semibold tracking-tight ${focusRing}`}>
        SageMaker catalog
      </Link>
      <nav
        aria-label="Main"
        className="order-last -mx-2 w-full overflow-x-auto sm:order-none sm:mx-0 sm:w-auto sm:flex-1"
      >
        <NavLinks />
      </nav>
      <div className="ml-auto flex min-w-0 items-center gap-3">
        <Suspense fallback={null}>
          <BackendBadge />
          <SignedInUser />
        </Suspense>
      </div>
    </header>
  );
}
