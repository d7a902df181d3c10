import Link from 'next/link';
import { linkClass } from '@/components/ui/styles';

export function ImageNotFound({ name }: { name?: string }) {
  return (
    <div data-testid="image-not-found" className="flex flex-col items-center gap-2 px-4 py-16 text-center">
      <h2 className="text-base font-semibold">Image not found</h2>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {name === undefined ? 'There is no image with this name' : `There is no image named “${name}”`} in this account
        and region.
      </p>
      <Link href="/images" className={`text-xs ${linkClass}`}>
        Back to all images
      </Link>
    </div>
  );
}
