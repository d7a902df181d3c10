import Link from 'next/link';
import { linkClass } from '@/components/ui/styles';

export default function NotFound() {
  return (
    <div data-testid="not-found" className="flex flex-col items-center gap-2 px-4 py-16 text-center">
      <h1 className="text-base font-semibold">Page not found</h1>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">This address does not match any view of the catalog.</p>
      <Link href="/images" className={`text-xs ${linkClass}`}>
        Go to images
      </Link>
    </div>
  );
}
