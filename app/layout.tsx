import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { TopNav } from '@/components/shell/top-nav';
import { backendView } from '@/app/_listing/backend-view';
import { pagePath } from '@/lib/resources/derive';
import { sections } from '@/lib/resources/registry';
import { requestAuthenticated, userFromHeaders } from '@/lib/server/auth/user-header';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'SageMaker catalog', template: '%s · SageMaker catalog' },
  description: 'Browse SageMaker images, image versions, model package groups and model packages',
};

const links = sections().map((spec) => ({ href: pagePath(spec), label: spec.label }));

export default async function RootLayout({ children }: { children: ReactNode }) {
  const request = await headers();
  const user = userFromHeaders(request);
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <TopNav
          links={links}
          backend={requestAuthenticated(request) ? backendView() : null}
          user={user === null ? null : (user.email ?? user.id)}
        />
        <main className="flex flex-1 flex-col">{children}</main>
      </body>
    </html>
  );
}
