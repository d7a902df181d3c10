'use client';

import { useLayoutEffect, useRef, type RefObject } from 'react';

interface Anchor {
  id: string;
  /** Pixels between the top of the scroll box and the top of the anchored row. */
  offset: number;
  /** The listing the anchor was taken in; it is put back once a newer listing has replaced that one. */
  stamp: number;
}

/**
 * Keeps the row being read where it is when the listing is reloaded: `capture` notes the first visible row,
 * and once the reloaded rows arrive the box scrolls so that row sits where it was, rows added above or not.
 * Scrolled to the top, nothing is noted: rows added above then show.
 */
export function useScrollAnchor(
  scroller: RefObject<HTMLElement | null>,
  ids: readonly string[],
  rowHeight: number,
  stamp: number,
) {
  const anchor = useRef<Anchor | null>(null);

  const capture = () => {
    const box = scroller.current;
    // At the top, the reader sees what arrives at the top.
    if (box === null || box.scrollTop <= 0) return;
    const index = Math.min(ids.length - 1, Math.floor(box.scrollTop / rowHeight));
    const id = ids[index];
    if (id !== undefined) anchor.current = { id, offset: box.scrollTop - index * rowHeight, stamp };
  };

  useLayoutEffect(() => {
    const held = anchor.current;
    const box = scroller.current;
    if (held === null || box === null || held.stamp === stamp) return;
    anchor.current = null;
    const index = ids.indexOf(held.id);
    if (index >= 0) box.scrollTo({ top: index * rowHeight + held.offset });
  }, [scroller, ids, rowHeight, stamp]);

  return capture;
}
