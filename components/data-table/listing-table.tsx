'use client';

import { HydrationBoundary, type DehydratedState } from '@tanstack/react-query';
import { Providers } from '@/components/shell/providers';
import { DataTable, type DataTableProps } from './data-table';

export interface ListingTableProps extends DataTableProps {
  /** The query cache the server's render filled with the view's first page, if it has it. */
  state: DehydratedState | undefined;
}

/** The table with its query cache and URL state, taking over the first page the server rendered. */
export function ListingTable({ state, ...table }: ListingTableProps) {
  return (
    <Providers>
      <HydrationBoundary state={state}>
        <DataTable {...table} />
      </HydrationBoundary>
    </Providers>
  );
}
