import Link from 'next/link';
import { linkClass } from '@/components/ui/styles';

interface NotFoundViewProps {
  /** What is missing, in words: "image", "model package group". */
  noun: string;
  name?: string;
  back: { href: string; label: string };
  /** The listing is still shown below (a filter named the missing row), so this is a notice, not a page. */
  inline?: boolean;
}

export function NotFoundView({ noun, name, back, inline = false }: NotFoundViewProps) {
  const capitalized = `${noun.charAt(0).toUpperCase()}${noun.slice(1)}`;
  return (
    <div
      data-testid="parent-not-found"
      role={inline ? 'status' : undefined}
      className={
        inline
          ? 'rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100'
          : 'flex flex-col items-center gap-2 px-4 py-16 text-center'
      }
    >
      {inline ? (
        <p className="font-medium">{capitalized} not found</p>
      ) : (
        <h2 className="text-base font-semibold">{capitalized} not found</h2>
      )}
      <p className={inline ? '' : 'text-xs text-zinc-600 dark:text-zinc-400'}>
        {name === undefined ? `There is no ${noun} with this name` : `There is no ${noun} named “${name}”`} in this
        account and region.
      </p>
      <Link href={back.href} className={`text-xs ${linkClass}`}>
        Back to {back.label.toLowerCase()}
      </Link>
    </div>
  );
}
