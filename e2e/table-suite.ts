import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { z } from 'zod';
import { cliCommand, rowId } from '@/lib/resources/derive';
import { resourceSpec, type ResourceId } from '@/lib/resources/registry';
import type { ResourceSpec } from '@/lib/resources/types';
import { apiAll, apiPage, listParams } from './api';
import { runPasted, runPastedPerSource } from './aws-cli';
import { filterTests } from './filter-tests';
import { expect, test } from './fixtures';
import { TablePage } from './pages/table-page';
import { e2eEnv } from './playwright.config';

export interface SuiteData {
  /** The listing's route parameters, when it has some. */
  params?: Record<string, string>;
  /** A URL query whose listing has a few hundred rows: more than one page, quick to scroll through. */
  listing: string;
  /** A URL query with server-side filters and sort, for the deep-link check. */
  deepLink: string;
  /** A value for each text filter that matches some rows. */
  text: Record<string, string>;
}

export interface SuiteConfig {
  /** A column the API can sort by and one it cannot, by header label. */
  serverSort: { id: string; label: string };
  browserSort: { id: string; label: string };
  data: (request: APIRequestContext) => Promise<SuiteData>;
}

const FIVE_XX = /status of 50\d/;

/** The chips of sources a merged page was listed without, but for the account that always refuses its role. */
function leftOutSources(page: Page): Locator {
  return page.getByTestId('source-status').filter({ hasNotText: e2eEnv.refusedAccount });
}

async function scrollUntilVisible(table: TablePage, target: Locator): Promise<void> {
  await expect(async () => {
    await table.scrollToBottom();
    await expect(target).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

/** A listing no earlier test asked for, so the proxy's short page cache cannot answer it without the emulator. */
function uncached(spec: ResourceSpec, listing: string): string {
  const range = spec.filters.find((filter) => filter.kind === 'dateRange');
  if (range === undefined) return listing;
  const start = new Date(Date.UTC(2000, 0, 1) + (Date.now() % 86_400_000)).toISOString().replace('.000Z', 'Z');
  return `${listing}&${range.id}=${start}/..`;
}

/** The shared table suite, run once per resource page. */
export function tableSuite(resource: ResourceId, { serverSort, browserSort, data }: SuiteConfig) {
  const spec = resourceSpec(resource);
  const rowIds = (items: Record<string, unknown>[]) => items.map((item) => rowId(spec, item));
  let suite: SuiteData & { open: (page: Page) => TablePage };

  test.describe(`${spec.label} table`, () => {
    test.beforeAll(async ({ request }) => {
      const found = await data(request);
      suite = { ...found, open: (page) => new TablePage(page, resource, found.params) };
    });

    test('a deep link shows the rows the API returns, and keeps its URL', async ({ page, request }) => {
      const table = suite.open(page);
      const first = await table.open(suite.deepLink);
      const expected = rowIds((await apiPage(request, await first.url())).items);
      expect(expected.length).toBeGreaterThan(0);
      const shown = await table.rowIds();
      expect(shown.slice(0, 10)).toEqual(expected.slice(0, 10));
      expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(
        Object.fromEntries(new URLSearchParams(suite.deepLink)),
      );
    });

    test('the first rows come with the HTML, and the next page asks with the range the server resolved', async ({
      page,
    }) => {
      const table = suite.open(page);
      const firstPages: string[] = [];
      page.on('request', (sent) => {
        const url = new URL(sent.url());
        if (url.pathname === table.apiPath && !url.searchParams.has('NextToken')) firstPages.push(sent.url());
      });
      const range = spec.filters.find((filter) => filter.kind === 'dateRange');
      const first = await table.open(range === undefined ? suite.listing : `${suite.listing}&${range.id}=P36500D`);
      await table.rowIds();
      await expect(table.count).toContainText('more available');
      expect(firstPages, 'the browser asked for the first page again').toEqual([]);
      const shown = new URL(await first.url()).searchParams;
      const next = table.nextListRequest((params) => params.has('NextToken'));
      await table.scrollToBottom();
      const nextPage = await next;
      expect((await nextPage.response())?.status(), 'the next page of the server-loaded one').toBe(200);
      const sent = new URL(nextPage.url()).searchParams;
      if (range !== undefined) {
        expect(shown.get(range.afterParam)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        expect(sent.get(range.afterParam)).toBe(shown.get(range.afterParam));
      }
      expect(firstPages, 'the browser asked for the first page again').toEqual([]);
    });

    test.describe('with JavaScript off', () => {
      test.use({ javaScriptEnabled: false });

      for (const viewport of [
        { name: 'desktop', width: 1280, height: 720 },
        { name: 'phone', width: 390, height: 844 },
      ]) {
        test(`the first rows still show, as the API returns them (${viewport.name})`, async ({ page, request }) => {
          await page.setViewportSize(viewport);
          const table = suite.open(page);
          await page.goto(table.url(suite.deepLink));
          const expected = rowIds((await apiPage(request, await table.firstPageUrl())).items);
          const shown = await table.rowIds();
          expect(shown.length).toBeGreaterThanOrEqual(Math.min(expected.length, 10));
          expect(shown).toEqual(expected.slice(0, shown.length));
          const room = page.getByTestId('chart-room');
          await expect(room).toHaveCount(1);
          await expect(room, 'room for a chart that cannot come').toBeHidden();
        });
      }
    });

    test('a header the API can sort by sets SortBy/SortOrder, the URL and the order', async ({ page, request }) => {
      const table = suite.open(page);
      await table.open(suite.listing);
      await table.rowIds();
      const sorted = table.nextListRequest((params) => params.get('SortBy') === spec.sort.server[serverSort.id]);
      await table.clickHeader(serverSort.label);
      const request1 = await sorted;
      const url = new URL(page.url());
      expect(url.searchParams.get('sort')).toBe(serverSort.id);
      const order = url.searchParams.get('order');
      expect(order === 'asc' || order === 'desc').toBe(true);
      expect(new URL(request1.url()).searchParams.get('SortOrder')).toBe(
        order === 'asc' ? spec.sort.order.asc : spec.sort.order.desc,
      );
      await expect(table.header(serverSort.label)).toHaveAttribute(
        'aria-sort',
        order === 'asc' ? 'ascending' : 'descending',
      );
      const expected = rowIds((await apiPage(request, request1.url())).items);
      await expect.poll(async () => (await table.rowIds()).slice(0, 10)).toEqual(expected.slice(0, 10));
    });

    test('the whole header cell sorts, and Enter keeps focus on it while the old rows wait, dimmed', async ({
      page,
      emulator,
    }) => {
      const table = suite.open(page);
      await table.open(uncached(spec, suite.listing));
      await table.rowIds();
      const header = table.header(serverSort.label);
      const box = await header.boundingBox();
      if (box === null) throw new Error('the header has no box');
      const clicked = table.nextListRequest((params) => params.get('SortBy') === spec.sort.server[serverSort.id]);
      await page.mouse.click(box.x + box.width - 4, box.y + box.height / 2);
      await clicked;
      await expect(page).toHaveURL(new RegExp(`sort=${serverSort.id}`));
      await expect(table.count).not.toContainText('Updating');

      await emulator.setFaults({ latencyMs: 1_500, operations: [spec.operation] });
      const button = header.getByRole('button');
      await button.focus();
      const before = await table.rowIds();
      await page.keyboard.press('Enter');
      await expect(page.locator('tbody[data-stale]')).toBeVisible();
      expect((await table.rowIds()).slice(0, 5)).toEqual(before.slice(0, 5));
      await expect(table.count).toContainText('Updating…');
      await expect(page.locator('tbody[data-stale]')).toHaveCount(0, { timeout: 15_000 });
      await expect(button).toBeFocused();
      await expect(table.count).not.toContainText('Updating');
    });

    test('a header the API cannot sort by sorts the loaded rows only, and says so', async ({ page }) => {
      const table = suite.open(page);
      await table.open(suite.listing);
      await table.rowIds();
      let requests = 0;
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === table.apiPath) requests += 1;
      });
      await table.clickHeader(browserSort.label);
      await expect(table.count).toContainText('sorted within');
      await expect(page).toHaveURL(new RegExp(`sort=${browserSort.id}`));
      const values = await table.cells(browserSort.id).allInnerTexts();
      const order = new URL(page.url()).searchParams.get('order');
      const { compare } = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' });
      const present = values.filter((value) => value !== '–');
      expect(present).toEqual([...present].sort((a, b) => (order === 'desc' ? compare(b, a) : compare(a, b))));
      expect(requests).toBe(0);
    });

    test('Load all brings every row in, from the keyboard, and a browser-side sort then covers them all', async ({
      page,
      request,
    }) => {
      const table = suite.open(page);
      const first = await table.open(suite.listing);
      await table.rowIds();
      await table.clickHeader(browserSort.label);
      await expect(table.count).toContainText('more available');
      await expect(table.count).toContainText('sorted within');
      const loadAll = page.getByRole('button', { name: 'Load all' });
      await loadAll.focus();
      const exported = page.waitForRequest((sent) => new URL(sent.url()).pathname === `${table.apiPath}/export`);
      await page.keyboard.press('Enter');
      expect(new URL((await exported).url()).searchParams.get('format')).toBe('json');
      const all = await apiAll(request, table.apiPath, listParams(await first.url()));
      await expect(table.count).toHaveText(`${all.length} total`, { timeout: 30_000 });
      await expect(loadAll).toHaveCount(0);
      const column = spec.columns.find((candidate) => candidate.id === browserSort.id);
      const { compare } = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' });
      const values = all.map((item) => String(item[column?.field ?? ''] ?? '')).filter((value) => value !== '');
      const order = new URL(page.url()).searchParams.get('order');
      const sorted = [...values].sort((a, b) => (order === 'desc' ? compare(b, a) : compare(a, b)));
      // The first rows shown are the first of all rows in that order, not of the first page's.
      await expect(async () => {
        const shown = (await table.cells(browserSort.id).allInnerTexts()).map((text) => text.trim());
        const present = shown.filter((value) => value !== '–').slice(0, 20);
        expect(present.length).toBeGreaterThan(5);
        expect(present).toEqual(sorted.slice(0, present.length));
      }).toPass({ timeout: 10_000 });
    });

    test('scrolling loads pages until "N total", with a flat DOM', async ({ page, request }) => {
      const table = suite.open(page);
      const first = await table.open(suite.listing);
      await expect(table.count).toContainText('more available');
      const total = await table.scrollUntilComplete();
      expect(total).toBe((await apiAll(request, table.apiPath, listParams(await first.url()))).length);
      expect(await table.scroller.locator('tbody tr').count()).toBeLessThan(80);
      const rows = await table.scroller.locator('tbody').evaluate((body: HTMLElement) => ({
        heights: [
          ...new Set([...body.querySelectorAll<HTMLElement>('tr[data-row-id]')].map((row) => row.offsetHeight)),
        ],
        body: body.offsetHeight,
      }));
      expect(rows.heights, 'every row is as tall as the virtual list thinks').toHaveLength(1);
      expect(Math.abs(rows.body - total * (rows.heights[0] ?? 0))).toBeLessThanOrEqual(2);
    });

    for (const filter of spec.filters) filterTests(filter, () => suite);

    test('Back and Forward restore the view', async ({ page }) => {
      const table = suite.open(page);
      await table.open(suite.listing);
      await table.rowIds();
      await table.clickHeader(serverSort.label);
      await expect(page).toHaveURL(/sort=/);
      const sortedUrl = page.url();
      const range = spec.filters.find((filter) => filter.kind === 'dateRange');
      if (range === undefined) throw new Error('the suite expects a date range filter');
      await table.rangeButton(range.label).click();
      await page.getByRole('button', { name: 'Last 90 d' }).click();
      await expect(page).toHaveURL(new RegExp(`${range.id}=P90D`));
      await page.goBack();
      await expect(page).toHaveURL(sortedUrl);
      await expect(table.rangeButton(range.label)).toContainText('Any time');
      await page.goBack();
      await expect(table.header(serverSort.label)).toHaveAttribute('aria-sort', 'none');
      await page.goForward();
      await page.goForward();
      await expect(page).toHaveURL(new RegExp(`${range.id}=P90D`));
      await expect(table.rangeButton(range.label)).toContainText('Last 90 d');
      await expect(table.header(serverSort.label)).not.toHaveAttribute('aria-sort', 'none');
    });

    test('a bad URL value is named, ignored, and dropped from the URL in place', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const table = suite.open(page);
      const first = await table.open(`${suite.listing}&sort=nope&created=last-week`);
      await expect(table.urlIssues).toContainText('sort=nope');
      await expect(table.urlIssues).toContainText('created=last-week');
      expect(new URL(await first.url()).searchParams.has('CreationTimeAfter')).toBe(false);
      await table.rowIds();
      await expect(page).toHaveURL((url) => !url.searchParams.has('sort') && !url.searchParams.has('created'));
      expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(
        Object.fromEntries(new URLSearchParams(suite.listing)),
      );
      expect(await page.evaluate(() => window.history.length)).toBe(2);
      await expect(table.urlIssues).toContainText('sort=nope');
      await page.getByRole('button', { name: 'Copy link' }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    });

    test('a failed next page keeps the loaded rows, and Retry recovers', async ({
      page,
      emulator,
      consoleLog,
      merged,
    }) => {
      consoleLog.allow(FIVE_XX);
      const table = suite.open(page);
      await table.open(uncached(spec, suite.listing));
      await expect(table.count).toContainText('100 loaded · more available');
      await emulator.setFaults({ errorRate: 1, onlyWithNextToken: true, operations: [spec.operation] });
      // Over several sources a page goes on without the ones that fail, each named in a chip; when all fail, the
      // page fails.
      const failure = merged ? table.error.or(leftOutSources(page)) : table.error;
      await scrollUntilVisible(table, failure.first());
      if (!merged) await expect(table.count).toContainText('100 loaded');
      const loaded = await table.rows.count();
      expect(loaded).toBeGreaterThan(0);
      await emulator.reset();
      await failure
        .first()
        .getByRole('button', { name: /^Retry/ })
        .click();
      await expect(failure).toHaveCount(0);
      expect(await table.rows.count()).toBeGreaterThanOrEqual(loaded);
      expect(await table.scrollUntilComplete()).toBeGreaterThan(100);
    });

    test('throttling shows "retrying…" and recovers without losing rows', async ({
      page,
      emulator,
      consoleLog,
      merged,
    }) => {
      consoleLog.allow(/status of 429/);
      const table = suite.open(page);
      await table.open(uncached(spec, suite.listing));
      await expect(table.count).toContainText('more available');
      await emulator.setFaults({ throttleRate: 1, onlyWithNextToken: true, operations: [spec.operation] });
      const retrying = table.count.filter({ hasText: 'retrying…' });
      const throttled = leftOutSources(page).filter({ hasText: 'is throttled' });
      await scrollUntilVisible(table, merged ? retrying.or(throttled).first() : retrying);
      const loaded = await table.rows.count();
      await emulator.reset();
      await expect(retrying).toHaveCount(0, { timeout: 30_000 });
      // A throttled call may still be in the SDK's backoff, and a Retry joins it: Retry until the source lists, as a user would.
      await expect(async () => {
        if ((await throttled.count()) > 0)
          await throttled
            .first()
            .getByRole('button', { name: /^Retry/ })
            .click();
        await expect(throttled).toHaveCount(0, { timeout: 3000 });
      }).toPass({ timeout: 30_000 });
      expect(await table.rows.count()).toBeGreaterThanOrEqual(loaded);
      expect(await table.scrollUntilComplete()).toBeGreaterThan(100);
    });

    test('Copy link and Copy as AWS CLI command', async ({ page, context, emulator, merged }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const table = suite.open(page);
      await table.open(suite.deepLink);
      await table.rowIds();
      await page.getByRole('button', { name: 'Copy link' }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
      await page.getByRole('button', { name: 'Copy as AWS CLI command' }).click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const commands = copied.split('\n').filter((line) => !line.startsWith('# '));
      // One command per source: the CLI lists one account in one region at a time.
      expect(commands).toHaveLength(merged ? 5 : 1);
      const sort = new URLSearchParams(suite.deepLink).get('sort') ?? spec.sort.default.id;
      for (const command of commands) {
        expect(command).toMatch(new RegExp(`^aws sagemaker ${cliCommand(spec)} `));
        expect(command).toContain(`--endpoint-url ${emulator.url}`);
        expect(command).toContain(`--sort-by ${spec.sort.server[sort]}`);
      }
      expect(commands.filter((command) => command.includes('--region us-east-1'))).toHaveLength(merged ? 3 : 1);
      expect(commands.filter((command) => command.includes('--region eu-west-1'))).toHaveLength(merged ? 2 : 0);
    });

    test('the copied AWS CLI command, run as pasted, lists what the table shows, status filter included', async ({
      page,
      context,
      emulator,
      merged,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const table = suite.open(page);
      await table.open(suite.deepLink);
      const status = (await table.cells('status').first().innerText()).trim();
      await table.open(`${suite.deepLink}&status=${status}`);
      await table.scrollUntilComplete();
      const matching = Number(
        /(\d+) match/.exec((await table.count.textContent()) ?? '')?.[1] ?? (await table.rowIds()).length,
      );
      await table.scroller.evaluate((element) => element.scrollTo({ top: 0 }));
      const shown = await table.rowIds();
      await page.getByRole('button', { name: 'Copy as AWS CLI command' }).click();
      const command = await page.evaluate(() => navigator.clipboard.readText());
      expect(command).toContain('--query');
      if (merged) {
        const items = await runPastedPerSource(emulator.url, command);
        expect(items.length).toBe(matching);
        const listed = new Set(rowIds(items));
        expect(shown.filter((id) => !listed.has(id))).toEqual([]);
      } else {
        const items = z.array(z.record(z.string(), z.unknown())).parse(JSON.parse(await runPasted(command)));
        expect(items.length).toBe(matching);
        expect(rowIds(items).slice(0, 10)).toEqual(shown.slice(0, 10));
      }
    });

    for (const scheme of ['light', 'dark'] as const) {
      test(`has no serious or critical axe violations (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        const table = suite.open(page);
        await table.open(suite.deepLink);
        await table.rowIds();
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations.filter(
          (violation) => violation.impact === 'serious' || violation.impact === 'critical',
        );
        expect(
          serious.map(
            (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
          ),
        ).toEqual([]);
      });
    }
  });
}
