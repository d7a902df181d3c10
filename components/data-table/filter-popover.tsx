'use client';

import type { ReactNode } from 'react';
import { ChevronIcon } from '@/components/ui/icons';
import { Popover } from '@/components/ui/popover';
import { buttonClass } from '@/components/ui/styles';

interface FilterPopoverProps {
  label: string;
  /** The current value in words, shown on the trigger. */
  summary: string;
  /** What the panel holds, for its accessible name: "filter", "range". */
  noun: string;
  children: ReactNode | ((close: () => void) => ReactNode);
}

/** A toolbar filter: a trigger reading "Label: value" that opens the filter's panel. */
export function FilterPopover({ label, summary, noun, children }: FilterPopoverProps) {
  return (
    <Popover
      label={
        <>
          {label}: <span className="font-normal">{summary}</span>
          <ChevronIcon />
        </>
      }
      ariaLabel={`${label} ${noun}: ${summary}`}
      triggerClassName={buttonClass}
      panelLabel={`${label} ${noun}`}
    >
      {children}
    </Popover>
  );
}
