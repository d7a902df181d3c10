'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { focusRing } from '@/components/ui/styles';

const LINKS = [
  { href: '/images', label: 'Images' },
  { href: '/model-packages', label: 'Model packages' },
] as const;

function currentImage(pathname: string): string | undefined {
  const match = /^\/images\/([^/]+)/.exec(pathname);
  if (match?.[1] === undefined) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

const itemClass = (active: boolean) =>
  `rounded px-2 py-1 text-sm ${focusRing} ${
    active
      ? 'bg-zinc-100 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50'
      : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'
  }`;

export function NavLinks() {
  const pathname = usePathname();
  const image = currentImage(pathname);
  return (
    <ul className="flex items-center gap-1">
      {LINKS.map((link) => (
        <li key={link.href}>
          <Link
            href={link.href}
            className={itemClass(pathname === link.href)}
            aria-current={pathname === link.href ? 'page' : undefined}
          >
            {link.label}
          </Link>
        </li>
      ))}
      {image !== undefined && (
        <li className="flex items-center gap-1">
          <span aria-hidden className="text-zinc-400">
            /
          </span>
          <Link href={`/images/${encodeURIComponent(image)}`} className={itemClass(true)} aria-current="page">
            {image}
          </Link>
        </li>
      )}
    </ul>
  );
}
