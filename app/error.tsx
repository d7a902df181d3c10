'use client';

import { useEffect } from 'react';
import { buttonClass } from '@/components/ui/styles';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="flex flex-col items-center gap-2 px-4 py-16 text-center">
      <h1 className="text-base font-semibold">This page could not be loaded</h1>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        The catalog backend did not answer as expected.{error.digest === undefined ? '' : ` Reference ${error.digest}.`}
      </p>
      <button type="button" className={buttonClass} onClick={reset}>
        Try again
      </button>
    </div>
  );
}
