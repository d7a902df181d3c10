import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { preloadFirstPage, type SearchParams } from '@/components/data-table/preload-first-page';
import { TableSkeleton } from '@/components/data-table/table-states';
import { PageHeader } from '@/components/shell/page-header';
import { Providers } from '@/components/shell/providers';
import { getBackendInfo } from '@/lib/config/backend';

export const metadata: Metadata = { title: 'Model packages' };

export default async function ModelPackagesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  preloadFirstPage('model-packages', {}, await searchParams);
  const { region, endpoint } = getBackendInfo();
  return (
    <>
      <PageHeader title="Model packages">
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Every model package: the versions registered in model groups and the unversioned packages, newest first.
        </p>
      </PageHeader>
      <div className="flex min-h-0 flex-1 flex-col px-4 pb-4">
        <Suspense fallback={<TableSkeleton />}>
          <Providers>
            <DataTable resource="model-packages" backend={{ region, endpoint }} />
          </Providers>
        </Suspense>
      </div>
    </>
  );
}
