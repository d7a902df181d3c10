'use client';

import { CopyButton } from './copy-button';
import { CopyIcon } from './icons';
import { ghostButtonClass } from './styles';

/** A value shown in full, wrapping anywhere, with a button that copies it. */
export function CopyableText({ text, what }: { text: string; what: string }) {
  return (
    <span className="inline-flex max-w-full items-start gap-1">
      <span className="font-mono text-[11px] [overflow-wrap:anywhere]">{text}</span>
      <CopyButton text={() => text} label={`Copy ${what} ${text}`} className={ghostButtonClass}>
        <CopyIcon />
      </CopyButton>
    </span>
  );
}
