import Link from 'next/link';
import { linkClass } from '@/components/ui/styles';
import { pagePath } from '@/lib/resources/derive';
import { home } from '@/lib/resources/registry';

export default function NotFound() {
  const start = home();
  return (
    <div data-testid="not-found" className="flex flex-col items-center gap-2 px-4 py-16 text-center">
      <h1 className="text-base font-semibold">Page not found</h1>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">This address does not match any view of the catalog.</p>
      <Link href={pagePath(start)} className={`text-xs ${linkClass}`}>
        Go to {start.label.toLowerCase()}
      </Link>
    </div>
  );
}
