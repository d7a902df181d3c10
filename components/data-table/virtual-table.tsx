'use client';

import { flexRender, getCoreRowModel, useReactTable, type Header } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type ReactNode, type RefObject } from 'react';
import { SortIcon } from '@/components/ui/icons';
import { RowTabIndex } from '@/components/ui/row-tab';
import { focusRing } from '@/components/ui/styles';
import { rowId, rowKey } from '@/lib/resources/derive';
import type { ResourceSpec, SortDirection } from '@/lib/resources/types';
import type { Row } from './cells';
import { buildColumns } from './columns';
import type { Density } from './use-preferences';
import { useRowFocus } from './use-row-focus';

export const ROW_HEIGHT: Record<Density, number> = { compact: 30, comfortable: 40 };
const PREFETCH_ROWS = 50;
const OVERSCAN = 12;
/**
 * What the rows are laid out in before the scroll box is measured (the server's render and hydration): with the
 * overscan, the rows a tall screen shows, and no more, so the first HTML and its hydration stay small.
 */
const INITIAL_RECT = { width: 1280, height: 360 };

interface VirtualTableProps {
  spec: ResourceSpec;
  /** In the order shown. */
  rows: Row[];
  sort: { id: string; order: SortDirection };
  onSort: (columnId: string) => void;
  /** The row whose details panel is open; when it closes, focus goes back to that row. */
  openId: string | undefined;
  onOpen: (id: string) => void;
  visibility: Record<string, boolean>;
  density: Density;
  canLoadMore: boolean;
  loadMore: () => void;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The rows belong to the previous view and stay, dimmed, until the new view's first page arrives. */
  stale: boolean;
  /** The listing's view and route parameters, which a link cell may depend on. */
  view: Readonly<Record<string, unknown>>;
  path: Readonly<Record<string, string>>;
  children?: ReactNode;
}

function HeaderCell({
  header,
  sort,
  onSort,
}: {
  header: Header<Row, unknown>;
  sort: VirtualTableProps['sort'];
  onSort: (id: string) => void;
}) {
  const active = sort.id === header.column.id ? sort.order : false;
  const label = flexRender(header.column.columnDef.header, header.getContext());
  const sortable = header.column.getCanSort();
  return (
    <th
      scope="col"
      style={{ width: header.getSize() }}
      aria-sort={!sortable ? undefined : active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : 'none'}
      className="sticky top-0 z-10 border-b border-zinc-200 bg-zinc-100 p-0 text-left text-[11px] font-semibold uppercase tracking-wide text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300"
    >
      {sortable ? (
        <button
          type="button"
          onClick={() => onSort(header.column.id)}
          className={`flex w-full items-center gap-1 px-3 py-1.5 text-left uppercase hover:bg-zinc-200/70 dark:hover:bg-zinc-800 ${focusRing}`}
        >
          <span className="truncate">{label}</span>
          <SortIcon direction={active} />
        </button>
      ) : (
        <div className="truncate px-3 py-1.5">{label}</div>
      )}
    </th>
  );
}

export function VirtualTable(props: VirtualTableProps) {
  const { spec, rows: ordered, sort, visibility, density, canLoadMore, loadMore, scrollRef, openId, onOpen } = props;
  const columns = useMemo(
    () => buildColumns(spec, props.view, props.path, onOpen),
    [spec, props.view, props.path, onOpen],
  );
  const height = ROW_HEIGHT[density];
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual and Table return mutable instances by design
  const virtualizer = useVirtualizer({
    count: ordered.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => height,
    overscan: OVERSCAN,
    initialRect: INITIAL_RECT,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? -1;
  const windowRows = useMemo(() => ordered.slice(firstIndex, lastIndex + 1), [ordered, firstIndex, lastIndex]);
  // Only the rendered window goes through TanStack Table: its row objects cost kilobytes each, so 10,000 would not fit the heap budget.
  const table = useReactTable({
    data: windowRows,
    columns,
    getRowId: (row) => rowKey(spec, row),
    state: { columnVisibility: visibility },
    getCoreRowModel: getCoreRowModel(),
  });
  const tableRows = table.getRowModel().rows;
  const openRow = (index: number) => {
    const row = ordered[index];
    if (row !== undefined) onOpen(rowId(spec, row));
  };
  const focus = useRowFocus(ordered.length, virtualizer.scrollToIndex, scrollRef, openRow);
  const { focusRow, active } = focus;
  // The row that takes Tab: the active one while it is rendered, else the first one in view.
  const offset = virtualizer.scrollOffset ?? 0;
  const inView = items.find((item) => item.end > offset)?.index ?? firstIndex;
  const tabStop = active >= firstIndex && active <= lastIndex ? active : inView;

  const wasOpen = useRef(openId);
  useEffect(() => {
    const closed = wasOpen.current;
    wasOpen.current = openId;
    if (closed === undefined || openId !== undefined) return;
    const index = ordered.findIndex((row) => rowId(spec, row) === closed);
    focusRow(index >= 0 ? index : active);
  }, [openId, ordered, spec, focusRow, active]);

  useEffect(() => {
    if (canLoadMore && lastIndex >= ordered.length - PREFETCH_ROWS) loadMore();
  }, [canLoadMore, lastIndex, ordered.length, loadMore]);

  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const width = table.getVisibleLeafColumns().reduce((sum, column) => sum + column.getSize(), 0);
  const cellPad = density === 'compact' ? 'px-3 py-1' : 'px-3 py-2.5';

  return (
    <div ref={scrollRef} className="min-h-64 flex-1 overflow-auto [contain:size]" data-testid="table-scroll">
      <table
        className="table-fixed border-separate border-spacing-0 text-xs"
        style={{ width, minWidth: '100%' }}
        aria-rowcount={ordered.length + 1}
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header} sort={sort} onSort={props.onSort} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody
          aria-busy={props.stale || undefined}
          data-stale={props.stale || undefined}
          className={props.stale ? 'opacity-50 transition-opacity' : undefined}
        >
          {before > 0 && <tr aria-hidden style={{ height: before }} />}
          {items.map((item) => {
            const row = tableRows[item.index - firstIndex];
            if (row === undefined) return null;
            return (
              <tr
                key={row.id}
                data-row-id={rowId(spec, row.original)}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                tabIndex={item.index === tabStop ? 0 : -1}
                onFocus={(event) => {
                  if (event.target === event.currentTarget) focus.setActive(item.index);
                }}
                onKeyDown={(event) => focus.onKeyDown(event, item.index)}
                style={{ height }}
                className="outline-none hover:bg-zinc-100/70 focus-visible:bg-blue-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 dark:hover:bg-zinc-900 dark:focus-visible:bg-blue-950 dark:focus-visible:outline-blue-400"
              >
                <RowTabIndex value={item.index === tabStop ? undefined : -1}>
                  {row.getVisibleCells().map((cell) => (
                    <td
                      key={cell.id}
                      data-column={cell.column.id}
                      className={`overflow-hidden whitespace-nowrap border-b border-zinc-200 dark:border-zinc-800 ${cellPad}`}
                    >
                      <div className="flex min-w-0 items-center">
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </div>
                    </td>
                  ))}
                </RowTabIndex>
              </tr>
            );
          })}
          {after > 0 && <tr aria-hidden style={{ height: after }} />}
        </tbody>
      </table>
      {props.children}
    </div>
  );
}
