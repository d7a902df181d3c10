import type { Browser, Page } from '@playwright/test';
import { z } from 'zod';

const MARKS_SCRIPT = `
  window.__benchMarks = {};
  new MutationObserver(() => {
    const marks = window.__benchMarks;
    if (marks.row === undefined && document.querySelector('tbody tr[data-row-id]')) marks.row = performance.now();
    if (marks.content === undefined && document.querySelector('[data-testid="not-found"]')) marks.content = performance.now();
    if (marks.interactive === undefined && document.querySelector('section[data-hydrated]')) marks.interactive = performance.now();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-hydrated'] });
`;

const marks = z.object({
  row: z.number().optional(),
  content: z.number().optional(),
  interactive: z.number().optional(),
});
const scripts = z.array(
  z.object({ name: z.string(), startTime: z.number(), transferSize: z.number(), encodedBodySize: z.number() }),
);

export interface PageLoad {
  /** ms from navigation start to the first table row, or to the not-found message. */
  ready: number;
  /** JS transferred before `ready` (or the load event, whichever is later): the page's first-load JS. */
  jsTransferred: number;
  jsFiles: number;
  /** ms from navigation start to the table's hydration (its section's `data-hydrated`); NaN on a page without one. */
  interactive: number;
  /** JS transferred before `interactive`: what the table needs before it answers a click. */
  jsInteractive: number;
}

/** One cold load (fresh context: empty cache) of a page. */
export async function coldLoad(browser: Browser, url: string): Promise<PageLoad> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(MARKS_SCRIPT);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => {
      const found = (window as unknown as { __benchMarks: Record<string, number> }).__benchMarks;
      return found.interactive !== undefined || found.content !== undefined;
    });
    const measured = marks.parse(
      await page.evaluate(() => (window as unknown as { __benchMarks: unknown }).__benchMarks),
    );
    const ready = measured.row ?? measured.content ?? Number.NaN;
    const loadEnd = await page.evaluate(
      () => performance.getEntriesByType('navigation')[0]?.toJSON().loadEventEnd ?? 0,
    );
    const cutoff = Math.max(ready, z.number().parse(loadEnd));
    const entries = scripts.parse(
      await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter(
            (entry) => entry.name.endsWith('.js') || (entry as PerformanceResourceTiming).initiatorType === 'script',
          )
          .map((entry) => {
            const timing = entry as PerformanceResourceTiming;
            return {
              name: timing.name,
              startTime: timing.startTime,
              transferSize: timing.transferSize,
              encodedBodySize: timing.encodedBodySize,
            };
          }),
      ),
    );
    const firstLoad = entries.filter((entry) => entry.startTime <= cutoff);
    const interactive = measured.interactive ?? Number.NaN;
    const transferred = (list: typeof entries) => list.reduce((sum, entry) => sum + entry.transferSize, 0);
    return {
      ready,
      jsTransferred: transferred(firstLoad),
      jsFiles: firstLoad.length,
      interactive,
      jsInteractive: Number.isNaN(interactive)
        ? Number.NaN
        : transferred(entries.filter((entry) => entry.startTime <= interactive)),
    };
  } finally {
    await context.close();
  }
}

const heapUsage = z.object({ usedSize: z.number() });

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return heapUsage.parse(await cdp.send('Runtime.getHeapUsage')).usedSize;
}

async function loadedRows(page: Page): Promise<number> {
  const text = (await page.getByTestId('row-count').textContent()) ?? '';
  return Number(/(\d+) (loaded|total)/.exec(text)?.[1] ?? 0);
}

export interface RowFootprint {
  rows: number;
  trElements: number;
  heapBytes: number;
}

/** DOM size and JS heap (after GC) once `target` rows are loaded, scrolling to the end to load more. */
export async function footprints(page: Page, url: string, targets: number[]): Promise<RowFootprint[]> {
  await page.goto(url);
  await page.getByTestId('row-count').waitFor();
  const results: RowFootprint[] = [];
  for (const target of targets) {
    const deadline = Date.now() + 300_000;
    while ((await loadedRows(page)) < target) {
      if (Date.now() > deadline) throw new Error(`only ${await loadedRows(page)} of ${target} rows loaded`);
      await page.getByTestId('table-scroll').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await page.waitForTimeout(50);
    }
    await page.getByTestId('table-scroll').evaluate((element) => element.scrollTo({ top: 0 }));
    await page.waitForTimeout(300);
    results.push({
      rows: await loadedRows(page),
      trElements: await page.getByTestId('table-scroll').locator('tr').count(),
      heapBytes: await heapAfterGc(page),
    });
  }
  return results;
}
