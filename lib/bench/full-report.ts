import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from './proxy-measure';

export interface Export {
  rows: number;
  bytes: number;
  growth: number;
  /** From the request to the last byte. */
  ms: number;
  /** Of `ms`, the full GCs the bench asked for. */
  collectMs: number;
}

export interface FullFigures {
  listing: { rows: number; sequentialMs: number; parallelMs: number }[];
  /** Fresh servers. */
  memory: { small: Export; large: Export }[];
  /** Fresh servers that have streamed a whole export of another range first. */
  warmMemory: { small: Export; large: Export }[];
  /** Warm servers given a full GC every so many rows. */
  collectedMemory: { small: Export; large: Export }[];
  /** Warm servers streaming every package: what they hold after a full GC, every so many rows, over before. */
  held: { rows: number; held: { rows: number; bytes: number }[] }[];
}

type MemoryRounds = FullFigures['memory'];

const ratio = (round: MemoryRounds[number]) => Math.max(round.large.growth, 1) / Math.max(round.small.growth, 1);

const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function memoryTable(rounds: MemoryRounds, collected = false): string[] {
  const timed = (run: Export) =>
    collected ? `${seconds(run.ms)}, ${seconds(run.collectMs)} of it in GCs` : seconds(run.ms);
  return [
    '| round | small export | large export | ratio | large export took |',
    '|---|---|---|---|---|',
    ...rounds.map(
      (round, index) =>
        `| ${index + 1} | ${round.small.rows} rows, ${mb(round.small.bytes)} MB: +${mb(round.small.growth)} MB | ${round.large.rows} rows, ${mb(round.large.bytes)} MB: +${mb(round.large.growth)} MB | ${ratio(round).toFixed(2)}× | ${timed(round.large)} |`,
    ),
  ];
}

function heldTable(rounds: FullFigures['held']): string[] {
  const points = rounds[0]?.held.map((point) => point.rows) ?? [];
  return [
    `| round | rows | ${points.map((rows) => `after ${rows} rows`).join(' | ')} |`,
    `|---|---|${points.map(() => '---|').join('')}`,
    ...rounds.map(
      (round, index) =>
        `| ${index + 1} | ${round.rows} | ${round.held.map((point) => `${point.bytes < 0 ? '' : '+'}${mb(point.bytes)} MB`).join(' | ')} |`,
    ),
  ];
}

/** Writes `lib/bench/full-results.md` and returns its text. */
export function writeFullResults(
  figures: FullFigures,
  method: { rounds: number; upstreamMs: number; collectEvery: number },
): string {
  const speedups = figures.listing.map((round) => round.sequentialMs / round.parallelMs);
  const text = [
    '# Whole listings: benchmark results',
    '',
    `Run: ${new Date().toISOString()} · machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), ` +
      `${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM · Node ${process.version} · \`next start\` (production build in \`.next-bench\`).`,
    'Other engineers use the same 2-core machine, so every figure is a median over the rounds below.',
    '',
    `## Every model package, emulator adding ${method.upstreamMs} ms per call: parallel shards vs page after page`,
    '',
    '| round | rows | page after page (the table’s nextToken) | parallel (export) | speed-up |',
    '|---|---|---|---|---|',
    ...figures.listing.map(
      (round, index) =>
        `| ${index + 1} | ${round.rows} | ${(round.sequentialMs / 1000).toFixed(1)} s | ${(round.parallelMs / 1000).toFixed(1)} s | ${(round.sequentialMs / round.parallelMs).toFixed(1)}× |`,
    ),
    '',
    `Median speed-up **${median(speedups).toFixed(1)}×** (goal ≥ 4×); the rows and their order were identical in every round.`,
    '',
    '## Export memory: the server’s RSS growth while it streams',
    '',
    '### A fresh server',
    '',
    ...memoryTable(figures.memory),
    '',
    `Median ratio **${median(figures.memory.map(ratio)).toFixed(2)}×** (goal ≤ 1.2×).`,
    '',
    '### A server that has streamed a whole export before',
    '',
    ...memoryTable(figures.warmMemory),
    '',
    `Median ratio **${median(figures.warmMemory.map(ratio)).toFixed(2)}×**.`,
    '',
    `### The same, with a full GC every ${method.collectEvery} rows`,
    '',
    ...memoryTable(figures.collectedMemory, true),
    '',
    `Median ratio **${median(figures.collectedMemory.map(ratio)).toFixed(2)}×**; the large export took ` +
      `${(median(figures.collectedMemory.map((round) => round.large.ms)) / median(figures.warmMemory.map((round) => round.large.ms))).toFixed(2)}× ` +
      'as long as without the collections.',
    '',
    '### What the server holds while it streams every package',
    '',
    ...heldTable(figures.held),
    '',
    '## Method',
    '',
    '- One emulator process (`tsx lib/emulator/cli.ts`, scale large) behind `next start` with `PROXY_CACHE_TTL_MS=0`.',
    '- Listing: model packages of both kinds, oldest first (the API default); page after page is the list route followed by its `nextToken` ' +
      'with `MaxResults=100`, as the table scrolls; parallel is `GET /api/model-packages/export?format=json` with the same ' +
      'parameters (`FULL_LISTING_CONCURRENCY` default). Each round has its own `CreationTimeAfter`, so no cache answers.',
    '- Memory: a fresh `next start` per export, warmed up with a list call and a small export; its RSS ' +
      '(`/proc/<pid>/status`) sampled every 20 ms while a CSV export streams to the bench, minus its RSS just before; ' +
      'the small export is the last 120 days of packages, the large one every package. A warm server has first ' +
      'streamed every package created after another instant as well. A collected server is a warm one started with ' +
      `\`--inspect\`, given a full GC through the inspector each time the bench has read ${method.collectEvery} more rows ` +
      '(the bench reading no further meanwhile).',
    '- Held: a warm server started with `--inspect`; before the export and every 5,000 rows into it (the bench ' +
      'reading no further meanwhile, so the server waits), a full GC through the inspector, then its `heapUsed` plus ' +
      '`arrayBuffers`, minus the same before the export.',
    '',
  ].join('\n');
  writeFileSync(fileURLToPath(new URL('./full-results.md', import.meta.url)), text);
  return text;
}
