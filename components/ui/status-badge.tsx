const TONES = {
  good: 'bg-green-50 text-green-800 ring-green-600/30 dark:bg-green-950 dark:text-green-300 dark:ring-green-400/30',
  bad: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-300 dark:ring-red-400/30',
  busy: 'bg-blue-50 text-blue-800 ring-blue-600/30 dark:bg-blue-950 dark:text-blue-300 dark:ring-blue-400/30',
  wait: 'bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-400/30',
  neutral: 'bg-zinc-100 text-zinc-700 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-400/30',
} as const;

export type Tone = keyof typeof TONES;

export function statusTone(status: string): Tone {
  const value = status.toUpperCase();
  if (value.includes('FAIL') || value === 'REJECTED') return 'bad';
  if (value === 'CREATED' || value === 'COMPLETED' || value === 'APPROVED') return 'good';
  if (value.startsWith('PENDING')) return 'wait';
  if (value.endsWith('ING') || value === 'INPROGRESS') return 'busy';
  return 'neutral';
}

export const badgeClass = (tone: Tone) =>
  `inline-flex items-center rounded px-1.5 py-px text-[11px] font-medium ring-1 ring-inset ${TONES[tone]}`;

export function StatusBadge({ value }: { value: string }) {
  return <span className={badgeClass(statusTone(value))}>{value}</span>;
}
