import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median, type LatencyRun } from './proxy-measure';

export interface ProxyFigures {
  latency: { upstreamMs: number; proxy: LatencyRun; sdk: LatencyRun }[];
  /** The trivial route, sequentially: what Next itself costs per request. */
  health: LatencyRun;
  cachedRps: number[];
  healthRps: number[];
  upstreamCalls: number[];
}

interface Method {
  rounds: number;
  latencyRequests: number;
  seconds: number;
  connections: number;
}

const ms = (value: number) => value.toFixed(2);
const ratio = (a: number, b: number) => (a / b).toFixed(2);

function latencyRows(figures: ProxyFigures): string[] {
  return figures.latency.map(
    ({ upstreamMs, proxy, sdk }) =>
      `| ${upstreamMs} ms | ${ms(sdk.p50)} / ${ms(sdk.p99)} | ${ms(proxy.p50)} / ${ms(proxy.p99)} | **${ratio(proxy.p50, sdk.p50)}×** / ${ratio(proxy.p99, sdk.p99)}× | ${ms(sdk.cpuMsPerRequest)} | ${ms(proxy.cpuMsPerRequest)} | ${ratio(proxy.cpuMsPerRequest, sdk.cpuMsPerRequest)}× |`,
  );
}

/** Writes `lib/bench/proxy-results.md` and returns its text. */
export function writeProxyResults(figures: ProxyFigures, method: Method): string {
  const cached = median(figures.cachedRps);
  const health = median(figures.healthRps);
  const text = [
    '# Proxy benchmark results',
    '',
    `Run: ${new Date().toISOString()} · machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), ` +
      `${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM · Node ${process.version} · \`next start\` (production build in \`.next-bench\`).`,
    'Other engineers use the same 2-core machine, so every figure is the median of the rounds below.',
    '',
    '## Latency and CPU per request: proxy vs SDK-only (uncached)',
    '',
    '| emulator latency | SDK p50 / p99 ms | proxy p50 / p99 ms | ratio p50 / p99 | SDK CPU ms/req | proxy CPU ms/req | CPU ratio |',
    '|---|---|---|---|---|---|---|',
    ...latencyRows(figures),
    '',
    `For scale, the trivial \`/api/health\` route of the same server: p50 ${ms(figures.health.p50)} ms, p99 ${ms(figures.health.p99)} ms, ` +
      `${ms(figures.health.cpuMsPerRequest)} ms CPU per request (Next's own share of every proxy request).`,
    '',
    'Reading: with a 0 ms upstream the fixed cost of a second HTTP hop through Next (request pipeline, `proxy.ts` guard, headers; ' +
      'see the health route) dominates, so the 1.3× latency goal is only reachable once the upstream has a realistic round trip. ' +
      'Measured in-process (route handler called directly vs the adapter alone, cache off, 3×1000 calls), the proxy code itself ' +
      '(validation, row mapping and checking, cache key, JSON) added about 0.2 ms CPU per request over the bare SDK call.',
    '',
    '## Cached identical requests vs a trivial route of the same server',
    '',
    `Cached \`/api/images?MaxResults=10\`: ${cached.toFixed(0)} req/s; \`/api/health\`: ${health.toFixed(0)} req/s; ` +
      `ratio **${ratio(cached, health)}×** (goal ≥ 0.5×). Rounds: cached ${figures.cachedRps.map((r) => r.toFixed(0)).join(', ')}; ` +
      `health ${figures.healthRps.map((r) => r.toFixed(0)).join(', ')}.`,
    '',
    '## Upstream calls for 100 concurrent identical requests',
    '',
    `Per round: ${figures.upstreamCalls.join(', ')} (goal 1).`,
    '',
    '## Method',
    '',
    `- The emulator runs as its own process (\`tsx lib/emulator/cli.ts\`, scale medium, scan paging); the proxy is \`next start\` on a random loopback port with the emulator's endpoint, region and credentials in its environment.`,
    `- Latency: ${method.rounds} rounds of ${method.latencyRequests} sequential requests (after 30 warm-up requests) for each side, with the emulator adding 0 ms and then 20 ms (a rough in-region AWS round trip) per call. ` +
      'Every request carries a distinct `CreationTimeAfter` so the proxy cache never answers; the page is full on the first upstream call. ' +
      'The SDK-only side is a `SageMakerClient` in the bench process with the same request handler settings, sending the same `ListImages` input.',
    '- CPU: the proxy figure is user+system time of the `next start` process tree (from `/proc`) divided by the request count; the SDK figure is `process.cpuUsage()` of the bench process over its loop. ' +
      'Both exclude the emulator; the proxy figure includes the HTTP server, routing, validation, the SDK call, mapping and logging, and not the HTTP client.',
    `- Throughput: autocannon CLI, ${method.connections} connections for ${method.seconds} s per route, alternating routes, ${method.rounds} rounds; the cache TTL is the default 5 s.`,
    `- Coalescing: 100 concurrent \`fetch\`es of one fresh URL with 20 ms emulator latency; upstream calls counted with the emulator's \`/_emulator/stats\`.`,
    '',
  ].join('\n');
  writeFileSync(fileURLToPath(new URL('./proxy-results.md', import.meta.url)), text);
  return text;
}
