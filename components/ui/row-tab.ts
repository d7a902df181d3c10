'use client';

import { createContext, useContext } from 'react';

/**
 * `-1` inside a table row that is not the table's tab stop: its links and buttons leave the tab order, so the
 * whole table is one stop (arrow keys move between rows). Undefined elsewhere: controls keep their order.
 */
export const RowTabIndex = createContext<-1 | undefined>(undefined);

export function useRowTabIndex(): -1 | undefined {
  return useContext(RowTabIndex);
}
