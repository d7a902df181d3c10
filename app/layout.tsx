import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { TopNav } from '@/components/shell/top-nav';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'SageMaker catalog', template: '%s · SageMaker catalog' },
  description: 'Browse SageMaker images, image versions and model packages',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex h-dvh flex-col bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <TopNav />
        <main className="flex min-h-0 flex-1 flex-col">{children}</main>
      </body>
    </html>
  );
}
