export const focusRing =
  'outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-1 focus-visible:ring-offset-white dark:focus-visible:ring-blue-400 dark:focus-visible:ring-offset-zinc-950';

export const buttonClass = `inline-flex h-7 items-center gap-1.5 whitespace-nowrap rounded border border-zinc-300 bg-white px-2.5 text-xs font-medium text-zinc-800 hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800 ${focusRing}`;

export const primaryButtonClass = `inline-flex h-7 items-center gap-1.5 whitespace-nowrap rounded bg-blue-700 px-2.5 text-xs font-medium text-white hover:bg-blue-800 dark:bg-blue-500 dark:text-zinc-950 dark:hover:bg-blue-400 ${focusRing}`;

export const ghostButtonClass = `inline-flex items-center gap-1 rounded px-1 text-xs text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 ${focusRing}`;

export const inputClass = `h-7 rounded border border-zinc-300 bg-white px-2 text-xs text-zinc-900 placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400 ${focusRing}`;

export const linkClass = `text-blue-700 hover:underline dark:text-blue-400 ${focusRing} rounded-sm`;

export const panelClass =
  'rounded-md border border-zinc-200 bg-white p-3 text-xs text-zinc-900 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';
