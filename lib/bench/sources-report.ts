import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from './proxy-measure';

export interface SourcesFigures {
  /** Per round: the merged listing's rows and upstream calls, and the pages the sources' own listings take. */
  calls: { rows: number; merged: number; perSource: number }[];
  /** Per round, the median ms to the first table row over that round's cold loads. */
  firstRow: { one: number[]; six: number[] };
}

interface Method {
  rounds: number;
  loads: number;
  upstreamMs: number;
  pageSize: number;
}

const ratio = (a: number, b: number) => (a / b).toFixed(2);

/** Writes `lib/bench/sources-results.md` and returns its text. */
export function writeSourcesResults(figures: SourcesFigures, method: Method): string {
  const callRatios = figures.calls.map((round) => round.merged / round.perSource);
  const one = median(figures.firstRow.one);
  const six = median(figures.firstRow.six);
  const text = [
    '# Several sources: benchmark results',
    '',
    `Run: ${new Date().toISOString()} · machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), ` +
      `${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM · Node ${process.version} · \`next start\` (production build in \`.next-bench\`).`,
    'Other engineers use the same 2-core machine, so every figure is a median over the rounds below.',
    '',
    '## Upstream calls: a full merged listing vs the sources listed one by one',
    '',
    '| round | rows | merged listing, upstream calls | sum of per-source pages | ratio |',
    '|---|---|---|---|---|',
    ...figures.calls.map(
      (round, index) =>
        `| ${index + 1} | ${round.rows} | ${round.merged} | ${round.perSource} | ${ratio(round.merged, round.perSource)}× |`,
    ),
    '',
    `Median ratio **${median(callRatios).toFixed(2)}×** (goal ≤ 1.05×).`,
    '',
    `## Time to the first row: 6 sources vs 1, ${method.upstreamMs} ms upstream latency`,
    '',
    `1 source: ${one.toFixed(0)} ms; 6 sources: ${six.toFixed(0)} ms; ratio **${ratio(six, one)}×** (goal ≤ 1.3×). ` +
      `Round medians: 1 source ${figures.firstRow.one.map((value) => value.toFixed(0)).join(', ')}; ` +
      `6 sources ${figures.firstRow.six.map((value) => value.toFixed(0)).join(', ')}.`,
    '',
    '## Method',
    '',
    '- One emulator process (`tsx lib/emulator/cli.ts`, scale medium) behind two `next start` servers of the same build: ' +
      'one with the default single source, one with a sources file of 3 accounts (roles assumed through the emulator’s STS) × 2 regions.',
    `- Calls: model packages of both kinds, \`MaxResults=${method.pageSize}\`, every page of the merged listing through the proxy; ` +
      'then each source listed alone with the SDK (its own assumed credentials, the same parameters) until its NextToken runs out. ' +
      'Calls are the emulator’s own count of ListModelPackages; each round has its own `CreationTimeAfter` so no cache answers; ' +
      'the row counts of both sides must agree or the run fails.',
    `- First row: ${method.rounds} rounds of ${method.loads} cold loads (fresh browser context) of \`/model-packages\` on each server, ` +
      'alternating, each with its own `created=` range so the proxy asks the emulator every time; the time is from navigation start ' +
      'to the first table row in the DOM (Chromium, Playwright).',
    '',
  ].join('\n');
  writeFileSync(fileURLToPath(new URL('./sources-results.md', import.meta.url)), text);
  return text;
}
