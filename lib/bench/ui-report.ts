import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { LighthouseScores } from './ui-lighthouse';
import type { PageLoad, RowFootprint } from './ui-browser';

export interface UiFigures {
  chromium: string;
  rounds: number;
  lighthouseRuns: number;
  loads: { page: string; path: string; median: PageLoad; readyRuns: number[] }[];
  rowFootprints: RowFootprint[];
  lighthouse: { page: string; desktop: LighthouseScores; mobile: LighthouseScores }[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;

export function writeUiResults(path: string, figures: UiFigures): void {
  const floor = figures.loads[0];
  if (floor === undefined) throw new Error('no page loads measured');
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const [small, large] = figures.rowFootprints;
  const perRow = small && large ? (large.heapBytes - small.heapBytes) / (large.rows - small.rows) : Number.NaN;
  const lines = [
    '# UI benchmark results',
    '',
    `Run: ${new Date().toISOString()} · machine: ${cpus().length} CPUs (${cpu}), ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM · Node ${process.version} · ${figures.chromium} (headless) · \`next start\` (production build in \`.next-bench\`) against the emulator (scale large, scan paging) on loopback.`,
    "The machine is shared with other engineers' builds and tests; timings are medians of the rounds below.",
    '',
    '## Time to first row and first-load JS (cold cache, median of ' + figures.rounds + ' loads)',
    '',
    '| page | ready (first row / content) | vs static page | first-load JS transferred | vs floor | JS files | table hydrated | JS by then |',
    '|---|---|---|---|---|---|---|---|',
    ...figures.loads.map(
      ({ page, path, median }) =>
        `| ${page} \`${path}\` | ${ms(median.ready)} | ${(median.ready / floor.median.ready).toFixed(2)}× | ${kb(median.jsTransferred)} | **${(median.jsTransferred / floor.median.jsTransferred).toFixed(2)}×** | ${median.jsFiles} | ${Number.isNaN(median.interactive) ? '—' : ms(median.interactive)} | ${Number.isNaN(median.jsInteractive) ? '—' : kb(median.jsInteractive)} |`,
    ),
    '',
    `Reading: the first load of a table page adds ${kb((figures.loads[1]?.median.jsTransferred ?? 0) - floor.median.jsTransferred)} over the floor. The rows are in the HTML; the table's code (TanStack Query, Table and Virtual, nuqs and the table's components) is fetched after the load event, and "table hydrated" is when the table answers clicks. zod stays on the server. README has the breakdown by package.`,
    '',
    'Runs (ready, ms): ' +
      figures.loads.map(({ page, readyRuns }) => `${page} ${readyRuns.map(Math.round).join(', ')}`).join('; ') +
      '.',
    '',
    '## DOM and heap with many loaded rows (`/model-packages`, 21,500 packages)',
    '',
    '| loaded rows | `<tr>` in the table | JS heap after GC |',
    '|---|---|---|',
    ...figures.rowFootprints.map((row) => `| ${row.rows} | ${row.trElements} | ${kb(row.heapBytes)} |`),
    '',
    `Heap per additional loaded row: **${(perRow / 1024).toFixed(2)} KB** (goal ≤ 1.5 KB); the DOM stays flat because rows are virtualized.`,
    '',
    `## Lighthouse 12 (Debian Chromium, the median of ${figures.lighthouseRuns} runs per page and form factor)`,
    '',
    '| page | desktop perf / a11y / best practices | desktop LCP / TBT / CLS | mobile perf / a11y / best practices | mobile LCP / TBT / CLS |',
    '|---|---|---|---|---|',
    ...figures.lighthouse.map(
      ({ page, desktop, mobile }) =>
        `| ${page} | **${desktop.performance}** / ${desktop.accessibility} / ${desktop.bestPractices} | ${ms(desktop.lcpMs)} / ${ms(desktop.tbtMs)} / ${desktop.cls.toFixed(3)} | **${mobile.performance}** / ${mobile.accessibility} / ${mobile.bestPractices} | ${ms(mobile.lcpMs)} / ${ms(mobile.tbtMs)} / ${mobile.cls.toFixed(3)} |`,
    ),
    '',
    '## Method',
    '',
    '- `npm run bench` builds into `.next-bench` (skipped with `--skip-build` when a build exists), starts the emulator (`EMULATOR_SCALE=large`) and `next start` on free loopback ports, and drives Debian Chromium through Playwright.',
    '- Ready: a `MutationObserver` installed before any page script records `performance.now()` when the first `tbody tr[data-row-id]` appears (table pages) or the not-found message appears (the static page). Each load uses a fresh browser context, so nothing is cached.',
    '- Table hydrated: the same observer records when the table\'s `section` gets `data-hydrated`, which React sets once it has hydrated the table; "JS by then" counts every script fetched before it.',
    '- First-load JS: the sum of `transferSize` (compressed bytes on the wire) of the script resources whose fetch started before the page was ready or before the load event, whichever is later; link prefetches that start afterwards are not counted. The floor is the not-found page of the same build: the Next.js/React runtime, the root layout and its tiny nav component, without the table code.',
    '- DOM and heap: one page loads `/model-packages` and scrolls the table to its end until the count reaches each target; then it scrolls back to the top, forces two garbage collections over CDP (`HeapProfiler.collectGarbage`) and reads `Runtime.getHeapUsage().usedSize`, and counts every `<tr>` in the document.',
    '- Lighthouse: the Node API of Lighthouse 12.8.2 against the same Chromium (remote debugging port), default (mobile, simulated throttling) and desktop configs, categories performance, accessibility and best practices.',
    '',
  ];
  writeFileSync(path, lines.join('\n'));
}
