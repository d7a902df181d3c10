'use client';

import { use, type ComponentType } from 'react';
import type { ListingTableProps } from './listing-table';

interface TableCode {
  ListingTable: ComponentType<ListingTableProps>;
}

/** What starts the table's code before the page's load event: the user reaching for the page. */
const EAGER_EVENTS = ['pointerdown', 'keydown', 'focusin', 'touchstart'] as const;

/** Resolves once the page has loaded (its scripts, styles and images), or at the user's first touch or key. */
function pageLoaded(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const start = () => {
      window.removeEventListener('load', later);
      for (const type of EAGER_EVENTS) window.removeEventListener(type, start, true);
      resolve();
    };
    const later = () => window.setTimeout(start, 0);
    window.addEventListener('load', later);
    for (const type of EAGER_EVENTS) window.addEventListener(type, start, { capture: true, passive: true });
  });
}

let loaded: TableCode | undefined;
let loading: Promise<TableCode> | undefined;

/**
 * The table's code. The server imports it as its module loads, and renders the table once it has it, whole and
 * in the first HTML (a Suspense boundary above it would change that). The browser shows that HTML as it is and
 * fetches the code after the page has loaded, when it hydrates the table. A fetch that fails is made again the
 * next time the code is asked for (the error page's Try again).
 */
function tableCode(): Promise<TableCode> {
  loading ??= (
    typeof window === 'undefined' ? import('./listing-table') : pageLoaded().then(() => import('./listing-table'))
  ).then(
    (code) => {
      loaded = code;
      return code;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

if (typeof window === 'undefined') void tableCode().catch(() => undefined);

/**
 * The listing's table, out of the page's first load. The server renders it whole, and the browser shows that
 * HTML (rows, toolbar, links) as it is until the table's code arrives, then hydrates it: the page's hydration
 * waits for that code rather than a Suspense boundary, which would stream the table apart from the HTML that
 * shows without JavaScript. A navigation inside the app waits for the code (fetched at once then) before it
 * shows the page.
 */
export function DeferredTable(props: ListingTableProps) {
  const { ListingTable } = loaded ?? use(tableCode());
  return <ListingTable {...props} />;
}
