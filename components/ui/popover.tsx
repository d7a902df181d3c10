'use client';

import { useId, useRef, type ReactNode, type ToggleEvent } from 'react';
import { useRowTabIndex } from './row-tab';
import { panelClass } from './styles';

interface PopoverProps {
  label: ReactNode;
  /** Accessible name of the trigger when `label` is not plain text. */
  ariaLabel?: string;
  triggerClassName: string;
  children: ReactNode | ((close: () => void) => ReactNode);
  align?: 'start' | 'end';
  panelLabel: string;
  title?: string;
}

const GAP = 4;

/** A native popover: the browser handles Escape, light dismiss, focus return and the top layer. */
export function Popover({
  label,
  ariaLabel,
  triggerClassName,
  children,
  align = 'start',
  panelLabel,
  title,
}: PopoverProps) {
  const id = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const tabIndex = useRowTabIndex();
  const close = () => document.getElementById(id)?.hidePopover();

  function place(event: ToggleEvent<HTMLDivElement>) {
    const rect = trigger.current?.getBoundingClientRect();
    if (event.newState !== 'open' || rect === undefined) return;
    const element = event.currentTarget;
    element.style.top = `${rect.bottom + GAP}px`;
    const left = align === 'end' ? rect.right - element.offsetWidth : rect.left;
    element.style.left = `${Math.max(GAP, Math.min(left, window.innerWidth - element.offsetWidth - GAP))}px`;
    element.querySelector<HTMLElement>('input:enabled, select:enabled, button:enabled')?.focus();
  }

  return (
    <>
      <button
        ref={trigger}
        type="button"
        popoverTarget={id}
        aria-label={ariaLabel}
        title={title}
        tabIndex={tabIndex}
        className={triggerClassName}
      >
        {label}
      </button>
      <div
        id={id}
        popover="auto"
        role="dialog"
        aria-label={panelLabel}
        onToggle={place}
        className={`fixed inset-auto m-0 ${panelClass}`}
      >
        {typeof children === 'function' ? children(close) : children}
      </div>
    </>
  );
}
