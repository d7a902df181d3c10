import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { z } from 'zod';
import { BENCH_DIST_DIR, buildNext, freePort, startNextServer, stopProcess } from './proxy-processes';
import { coldLoad, footprints, type PageLoad } from './ui-browser';
import { medianRun, runLighthouse } from './ui-lighthouse';
import { chromiumPath, startScaledEmulator } from './ui-processes';
import { writeUiResults, type UiFigures } from './ui-report';

const ROUNDS = 5;
const LIGHTHOUSE_RUNS = 3;
const RESULTS = 'lib/bench/ui-results.md';
const firstImage = z.object({ items: z.array(z.object({ ImageName: z.string() })).min(1) });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export default async function uiBench(): Promise<void> {
  if (!process.argv.includes('--skip-build') || !existsSync(`${BENCH_DIST_DIR}/BUILD_ID`)) await buildNext();
  const emulatorPort = await freePort();
  const emulator = await startScaledEmulator(emulatorPort, 'large');
  const appPort = await freePort();
  const server = await startNextServer(appPort, `http://127.0.0.1:${emulatorPort}`);
  const app = `http://127.0.0.1:${appPort}`;
  const debugPort = await freePort();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', `--remote-debugging-port=${debugPort}`],
  });
  try {
    const image =
      firstImage.parse(await (await fetch(`${app}/api/images?MaxResults=1`)).json()).items[0]?.ImageName ?? '';
    const pages = [
      { page: 'static (not found)', path: '/no-such-page' },
      { page: 'images', path: '/images' },
      { page: 'image versions', path: `/images/${image}` },
      { page: 'model packages', path: '/model-packages' },
    ];
    const loads: UiFigures['loads'] = [];
    for (const { page, path } of pages) {
      await coldLoad(browser, app + path);
      const runs: PageLoad[] = [];
      for (let round = 0; round < ROUNDS; round += 1) runs.push(await coldLoad(browser, app + path));
      const result = {
        ready: median(runs.map((run) => run.ready)),
        jsTransferred: median(runs.map((run) => run.jsTransferred)),
        jsFiles: median(runs.map((run) => run.jsFiles)),
        interactive: median(runs.map((run) => run.interactive)),
        jsInteractive: median(runs.map((run) => run.jsInteractive)),
      };
      loads.push({ page, path, median: result, readyRuns: runs.map((run) => run.ready) });
      console.log(page, result);
    }
    const context = await browser.newContext();
    const rowFootprints = await footprints(await context.newPage(), `${app}/model-packages`, [100, 10_000]);
    await context.close();
    console.log(rowFootprints);
    const lighthouse: UiFigures['lighthouse'] = [];
    for (const { page, path } of pages.slice(1)) {
      const runs = async (formFactor: 'desktop' | 'mobile') => {
        const results = [];
        for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1)
          results.push(await runLighthouse(app + path, debugPort, formFactor));
        return medianRun(results);
      };
      const desktop = await runs('desktop');
      const mobile = await runs('mobile');
      lighthouse.push({ page, desktop, mobile });
      console.log(page, desktop.performance, mobile.performance);
    }
    writeUiResults(RESULTS, {
      chromium: `Chromium ${browser.version()}`,
      rounds: ROUNDS,
      lighthouseRuns: LIGHTHOUSE_RUNS,
      loads,
      rowFootprints,
      lighthouse,
    });
    console.log(`wrote ${RESULTS}`);
  } finally {
    await browser.close();
    await stopProcess(server);
    await stopProcess(emulator);
  }
}
