'use client';

import { useCallback, useState, type KeyboardEvent, type RefObject } from 'react';

const PAGE_ROWS = 10;
const FOCUS_ATTEMPTS = 10;

const ROW_MOVES = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp']);

/**
 * One tab stop for the whole table body: arrows, Home/End and Page Up/Down move between rows (scrolling the
 * virtual window to them), Enter acts on the focused row. From a link or button inside a row, the arrows and
 * Page Up/Down move to the next row too.
 */
export function useRowFocus(
  count: number,
  scrollToIndex: (index: number) => void,
  container: RefObject<HTMLElement | null>,
  onEnter: (index: number) => void,
) {
  const [active, setActive] = useState(0);

  const focusRow = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(count - 1, index));
      setActive(target);
      scrollToIndex(target);
      let attempts = 0;
      const tryFocus = () => {
        const row = container.current?.querySelector<HTMLElement>(`tr[data-index="${target}"]`);
        if (row !== null && row !== undefined) row.focus();
        else if ((attempts += 1) < FOCUS_ATTEMPTS) requestAnimationFrame(tryFocus);
      };
      requestAnimationFrame(tryFocus);
    },
    [count, scrollToIndex, container],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
      const onRow = event.target === event.currentTarget;
      const inPopover = event.target instanceof Element && event.target.closest('[popover]') !== null;
      if (!onRow && (inPopover || !ROW_MOVES.has(event.key))) return;
      const moves: Record<string, number> = {
        ArrowDown: index + 1,
        ArrowUp: index - 1,
        PageDown: index + PAGE_ROWS,
        PageUp: index - PAGE_ROWS,
        Home: 0,
        End: count - 1,
      };
      const next = moves[event.key];
      if (next !== undefined) {
        event.preventDefault();
        focusRow(next);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        onEnter(index);
      }
    },
    [count, focusRow, onEnter],
  );

  return { active: Math.min(active, Math.max(0, count - 1)), setActive, onKeyDown, focusRow };
}
