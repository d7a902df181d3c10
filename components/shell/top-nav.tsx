import Link from 'next/link';
import { Suspense } from 'react';
import { focusRing } from '@/components/ui/styles';
import { BackendBadge } from './backend-badge';
import { NavLinks } from './nav-links';
import { SignedInUser } from './signed-in-user';

export function TopNav() {
  return (
    <header className="flex h-11 shrink-0 items-center gap-4 border-b border-zinc-200 bg-white px-4 dark:border-zinc-800 dark:bg-zinc-900">
      <Link href="/images" className={`rounded text-sm font-semibold tracking-tight ${focusRing}`}>
        SageMaker catalog
      </Link>
      <nav aria-label="Main" className="min-w-0 flex-1">
        <NavLinks />
      </nav>
      <Suspense fallback={null}>
        <BackendBadge />
        <SignedInUser />
      </Suspense>
    </header>
  );
}
