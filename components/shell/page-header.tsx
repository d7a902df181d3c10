import Link from 'next/link';
import type { ReactNode } from 'react';
import { linkClass } from '@/components/ui/styles';

interface PageHeaderProps {
  title: string;
  /** The listing this page belongs to, shown as the breadcrumb above the title. */
  parent?: { href: string; label: string };
  children?: ReactNode;
}

export function PageHeader({ title, parent, children }: PageHeaderProps) {
  return (
    <div className="flex min-w-0 shrink-0 flex-col gap-1 px-4 pb-3 pt-4">
      {parent !== undefined && (
        <nav aria-label="Breadcrumb" className="text-xs text-zinc-600 dark:text-zinc-400">
          <ol className="flex min-w-0 flex-wrap items-center gap-1">
            <li>
              <Link href={parent.href} className={linkClass}>
                {parent.label}
              </Link>
            </li>
            <li aria-hidden>/</li>
            <li aria-current="page" className="min-w-0 [overflow-wrap:anywhere]">
              {title}
            </li>
          </ol>
        </nav>
      )}
      <h1 className="text-lg font-semibold tracking-tight [overflow-wrap:anywhere]">{title}</h1>
      {children}
    </div>
  );
}
