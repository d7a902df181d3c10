import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { preloadFirstPage, type SearchParams } from '@/components/data-table/preload-first-page';
import { ErrorNotice, TableSkeleton } from '@/components/data-table/table-states';
import { PageHeader } from '@/components/shell/page-header';
import { Providers } from '@/components/shell/providers';
import { imageVersionPath } from '@/lib/resources/image-versions';
import { getBackendInfo } from '@/lib/config/backend';
import { findImage } from './_lib/find-image';
import { ImageSummary } from './image-summary';
import { ImageNotFound } from './image-not-found';

interface Props {
  params: Promise<{ ImageName: string }>;
  searchParams: Promise<SearchParams>;
}

/** Next hands the route parameters over decoded. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ImageName } = await params;
  return { title: `${ImageName} versions` };
}

export default async function ImageVersionsPage({ params, searchParams }: Props) {
  const parsed = imageVersionPath.safeParse({ ImageName: (await params).ImageName });
  if (!parsed.success) notFound();
  const imageName = parsed.data.ImageName;
  const lookup = await findImage(imageName);
  if (lookup === undefined) notFound();
  preloadFirstPage('image-versions', { ImageName: imageName }, await searchParams);
  const { region, endpoint } = getBackendInfo();
  return (
    <>
      <PageHeader title={imageName} parent={{ href: '/images', label: 'Images' }}>
        {lookup.image !== undefined ? (
          <ImageSummary image={lookup.image} />
        ) : (
          <ErrorNotice
            title="The image's details could not be loaded"
            message={`${lookup.error.message} (${lookup.error.code}, HTTP ${lookup.error.status})`}
          />
        )}
      </PageHeader>
      <div className="flex min-h-0 flex-1 flex-col px-4 pb-4">
        <Suspense fallback={<TableSkeleton />}>
          <Providers>
            <DataTable
              resource="image-versions"
              path={{ ImageName: imageName }}
              backend={{ region, endpoint }}
              notFound={<ImageNotFound name={imageName} />}
            />
          </Providers>
        </Suspense>
      </div>
    </>
  );
}
