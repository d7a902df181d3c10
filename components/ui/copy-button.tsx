'use client';

import { useState, type ReactNode } from 'react';
import { useRowTabIndex } from './row-tab';

interface CopyButtonProps {
  text: () => string;
  label: string;
  className: string;
  children: ReactNode;
}

/** Copies text and says so in a live region, or says why it could not. */
export function CopyButton({ text, label, className, children }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const tabIndex = useRowTabIndex();

  async function copy() {
    try {
      await navigator.clipboard.writeText(text());
      setState('copied');
    } catch (error) {
      console.warn('Copy to clipboard failed', error);
      setState('failed');
    }
    window.setTimeout(() => setState('idle'), 2000);
  }

  return (
    <button type="button" onClick={copy} aria-label={label} title={label} className={className} tabIndex={tabIndex}>
      {children}
      <span
        aria-live="polite"
        className={state === 'idle' ? 'sr-only' : 'text-[11px] text-zinc-600 dark:text-zinc-400'}
      >
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : ''}
      </span>
    </button>
  );
}
