import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { accountOf, apiAll, listParams } from './api';
import { PINNED_END, PINNED_START, PINNED_VIEW, pinnedPackages } from './data/pinned';
import { expect, test, type AddedItems, type EmulatorControl } from './fixtures';
import { TablePage, type FirstPage } from './pages/table-page';

/** The chart above a table, its figures read from the table it keeps for screen readers. */
class Histogram {
  readonly figure: Locator;
  readonly chart: Locator;
  readonly svg: Locator;

  constructor(readonly page: Page) {
    this.figure = page.getByTestId('time-histogram');
    this.chart = page.getByRole('application', { name: /^Time histogram/ });
    this.svg = this.figure.getByRole('img');
  }

  async unit(): Promise<string> {
    return (await this.figure.getAttribute('data-unit')) ?? '';
  }

  /** Bucket start (ISO) → rows, per group too. */
  async counts(): Promise<{ start: string; total: number; groups: Record<string, number> }[]> {
    return this.figure.locator('table').evaluate((table) => {
      const heads = [...table.querySelectorAll('thead th')].map((cell) => cell.textContent ?? '');
      return [...table.querySelectorAll('tbody tr')].map((row) => {
        const cells = [...row.querySelectorAll('td')].map((cell) => Number(cell.textContent));
        const groups = Object.fromEntries(heads.slice(1, -1).map((head, index) => [head, cells[index] ?? 0]));
        return { start: row.getAttribute('data-start') ?? '', total: cells.at(-1) ?? 0, groups };
      });
    });
  }
}

/** The UTC bucket start of an instant, computed here apart from the app's own code. */
function bucketStart(unit: string, iso: string): string {
  const at = new Date(iso);
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  switch (unit) {
    case 'hour':
      return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000).toISOString();
    case 'day':
      return new Date(day).toISOString();
    case 'week':
      return new Date(day - ((at.getUTCDay() + 6) % 7) * 86_400_000).toISOString();
    case 'month':
      return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1)).toISOString();
    default:
      return new Date(Date.UTC(at.getUTCFullYear(), 0, 1)).toISOString();
  }
}

async function loadAll(page: Page, table: TablePage): Promise<void> {
  const button = page.getByRole('button', { name: 'Load all' });
  if ((await button.count()) > 0) await button.click();
  await expect(table.count).toHaveText(/ total$/, { timeout: 30_000 });
}

interface Pinned {
  page: Page;
  request: APIRequestContext;
  emulator: EmulatorControl;
}

/** Puts the pinned data set in the emulator's catalog (once, however often it is called). */
async function addPinned({ request, emulator }: Omit<Pinned, 'page'>): Promise<AddedItems> {
  const items = pinnedPackages(await accountOf(request));
  await emulator.addItems(items);
  return items;
}

/** The pinned data set (`e2e/data/pinned.ts`): model packages of the first half of 2020, charted by creation time. */
async function openPinned(
  fixtures: Pinned,
): Promise<{ table: TablePage; first: FirstPage; chart: Histogram; items: AddedItems }> {
  const items = await addPinned(fixtures);
  const table = new TablePage(fixtures.page, 'model-packages');
  const first = await table.open(PINNED_VIEW);
  return { table, first, chart: new Histogram(fixtures.page), items };
}

/** The top of the table's scroll box as the server's HTML lays it out, at the load event (the table's and the chart's code come after it), and once the chart is drawn. */
async function tableTopBeforeAndAfterChart(page: Page, table: TablePage): Promise<[number, number]> {
  await page.addInitScript(() => {
    window.addEventListener('load', () => {
      const box = document.querySelector('[data-testid="table-scroll"]');
      Reflect.set(window, '__tableTop', box?.getBoundingClientRect().top ?? Number.NaN);
    });
  });
  await table.open();
  await expect(new Histogram(page).svg).toBeVisible();
  await expect(table.rows.first()).toBeVisible();
  const before = Number(await page.evaluate(() => Reflect.get(window, '__tableTop')));
  const after = (await table.scroller.boundingBox())?.y ?? Number.NaN;
  return [before, after];
}

test.describe('the time histogram', () => {
  // The buckets below are computed in UTC, as a browser in UTC counts them.
  test.use({ timezoneId: 'UTC' });

  test('counts each bucket as the rows’ own dates do, stacked by approval, and says when all are loaded', async ({
    page,
    request,
    emulator,
  }) => {
    const { table, first, chart, items } = await openPinned({ page, request, emulator });
    await expect(chart.svg).toBeVisible();
    await expect(chart.figure.locator('figcaption')).toContainText(/of \d+ loaded rows/);
    await loadAll(page, table);
    await expect(chart.figure.locator('figcaption')).toContainText(/all \d+ rows loaded/);
    await expect(chart.svg).toHaveAttribute('aria-label', /^Model packages by created time, per \w+, by approval: all/);

    const rows = await apiAll(request, table.apiPath, listParams(await first.url()));
    expect(new Set(rows.map((row) => row.ModelPackageArn))).toEqual(
      new Set(items.ModelPackages?.map((pkg) => pkg.ModelPackageArn)),
    );
    const unit = await chart.unit();
    expect(['day', 'week']).toContain(unit);
    const expected = new Map<string, Record<string, number>>();
    for (const row of rows) {
      const start = bucketStart(unit, String(row.CreationTime));
      const groups = expected.get(start) ?? {};
      const approval = String(row.ModelApprovalStatus ?? '') || '(none)';
      groups[approval] = (groups[approval] ?? 0) + 1;
      expected.set(start, groups);
    }
    const shown = (await chart.counts()).filter((bucket) => bucket.total > 0);
    expect(shown.map((bucket) => bucket.start)).toEqual([...expected.keys()].sort());
    for (const bucket of shown) {
      const nonzero = Object.fromEntries(Object.entries(bucket.groups).filter(([, count]) => count > 0));
      expect(nonzero, bucket.start).toEqual(expected.get(bucket.start));
    }
  });

  test('a drag across it filters the table to that span, on the wire, and Back undoes it', async ({ page }) => {
    const table = new TablePage(page, 'images');
    await table.open();
    const chart = new Histogram(page);
    await expect(chart.svg).toBeVisible();
    const before = await table.rowIds();
    const box = await chart.svg.boundingBox();
    if (box === null) throw new Error('the chart has no box');
    const asked = table.nextListRequest((params) => params.has('CreationTimeAfter'));
    await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();

    await expect(page).toHaveURL(/created=/);
    const created = new URL(page.url()).searchParams.get('created') ?? '';
    const [start, end] = created.split('/');
    expect(Date.parse(start ?? '')).toBeLessThan(Date.parse(end ?? ''));
    const params = new URL((await asked).url()).searchParams;
    expect(Date.parse(params.get('CreationTimeAfter') ?? '')).toBe(Date.parse(start ?? ''));
    expect(Date.parse(params.get('CreationTimeBefore') ?? '')).toBe(Date.parse(end ?? ''));
    await expect(async () => {
      const times = await table
        .cells('created')
        .locator('time')
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('datetime') ?? ''));
      expect(times.length).toBeGreaterThan(0);
      for (const time of times) {
        expect(Date.parse(time)).toBeGreaterThanOrEqual(Date.parse(start ?? ''));
        expect(Date.parse(time)).toBeLessThanOrEqual(Date.parse(end ?? ''));
      }
    }).toPass();

    await page.goBack();
    await expect(page).not.toHaveURL(/created=/);
    await expect.poll(() => table.rowIds()).toEqual(before);
  });

  test('the chart is shown by default, the Chart button hides it, and the URL keeps the time it counts by', async ({
    page,
  }) => {
    const table = new TablePage(page, 'images');
    await table.open();
    const chart = new Histogram(page);
    await expect(chart.svg).toHaveAttribute('aria-label', /^Images by created time/);
    const toggle = page.getByRole('button', { name: 'Chart' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await chart.figure.getByRole('combobox', { name: 'Time' }).selectOption('modified');
    await expect(page).toHaveURL(/chart=modified/);
    await expect(chart.svg).toHaveAttribute('aria-label', /^Images by last modified time/);
    await page.reload();
    await expect(chart.svg).toHaveAttribute('aria-label', /^Images by last modified time/);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/chart=off/);
    await expect(chart.figure).toHaveCount(0);
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await page.reload();
    await expect(page.locator('section[data-hydrated]')).toBeVisible();
    await expect(chart.figure).toHaveCount(0);
    await toggle.click();
    await expect(page).not.toHaveURL(/chart=/);
    await expect(chart.svg).toHaveAttribute('aria-label', /^Images by created time/);
    await chart.figure.getByRole('combobox', { name: 'Time' }).selectOption('modified');
    await expect(page).toHaveURL(/chart=modified/);
    await chart.figure.getByRole('combobox', { name: 'Time' }).selectOption('created');
    await expect(page).not.toHaveURL(/chart=/);
    await expect(chart.svg).toHaveAttribute('aria-label', /^Images by created time/);
    await table.open('chart=Created&sort=name');
    await expect(page).toHaveURL(/\?sort=name$/);
    await expect(chart.svg).toHaveAttribute('aria-label', /^Images by created time/);
    await expect(page.getByTestId('url-issues')).toHaveCount(0);
  });

  for (const resource of ['images', 'model-packages'] as const) {
    test(`the rows stay where they are when the chart comes (${resource})`, async ({ page }) => {
      const [before, after] = await tableTopBeforeAndAfterChart(page, new TablePage(page, resource));
      expect(before).toBeGreaterThan(0);
      expect(after).toBe(before);
    });
  }

  test('on a short window the page scrolls, and the table keeps its height and the margin below it', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 420 });
    const table = new TablePage(page, 'images');
    await table.open();
    await expect(new Histogram(page).svg).toBeVisible();
    const box = await page.getByTestId('table-scroll').evaluate((scroller) => {
      const bottom = scroller.getBoundingClientRect().bottom + window.scrollY;
      return {
        height: scroller.getBoundingClientRect().height,
        below: document.documentElement.scrollHeight - bottom,
        scrolls: document.documentElement.scrollHeight > window.innerHeight,
      };
    });
    expect(box.scrolls).toBe(true);
    expect(box.height).toBeGreaterThanOrEqual(256);
    expect(box.below).toBeGreaterThanOrEqual(16);
    expect((await table.rowIds()).length).toBeGreaterThan(0);
  });

  test('from the keyboard: arrows move, Shift+arrows extend, Enter applies', async ({ page }) => {
    const table = new TablePage(page, 'images');
    await table.open();
    const chart = new Histogram(page);
    await expect(chart.svg).toBeVisible();
    const buckets = await chart.counts();
    expect(buckets.length).toBeGreaterThan(4);
    await chart.chart.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(chart.figure.getByTestId('histogram-selection')).toBeVisible();
    await expect(chart.figure.locator('[aria-live="polite"]')).toContainText('Enter filters to it');
    const asked = table.nextListRequest((params) => params.has('CreationTimeAfter'));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/created=/);
    const created = (new URL(page.url()).searchParams.get('created') ?? '').split('/').map(Date.parse);
    expect(created).toEqual([Date.parse(buckets[1]?.start ?? ''), Date.parse(buckets[4]?.start ?? '')]);
    const params = new URL((await asked).url()).searchParams;
    expect(Date.parse(params.get('CreationTimeAfter') ?? '')).toBe(created[0]);
    expect(Date.parse(params.get('CreationTimeBefore') ?? '')).toBe(created[1]);
    await page.goBack();
    await expect(page).not.toHaveURL(/created=/);
  });

  test('clicking a status segment filters the table to it, and Back restores', async ({ page }) => {
    const table = new TablePage(page, 'images');
    await table.open();
    const chart = new Histogram(page);
    const before = await table.rowIds();
    const segments = chart.figure
      .getByRole('group', { name: 'Status of the rows' })
      .getByRole('button', { disabled: false });
    await expect(segments.nth(1), 'the rows have more than one status').toBeVisible();
    const segment = segments.nth(1);
    const title = (await segment.getAttribute('title')) ?? '';
    const value = /^Status: (\S+),/.exec(title)?.[1] ?? '';
    expect(value).not.toBe('');
    await segment.click();
    await expect(page).toHaveURL(new RegExp(`status=${value}`));
    await expect(async () => {
      const statuses = (await table.cells('status').allInnerTexts()).map((text) => text.trim());
      expect(statuses.length).toBeGreaterThan(0);
      expect(new Set(statuses)).toEqual(new Set([value]));
    }).toPass();
    const pressed = chart.figure
      .getByRole('group', { name: 'Status of the rows' })
      .getByRole('button', { pressed: true });
    await expect(pressed).toHaveAttribute('title', new RegExp(`^Status: ${value},`));
    await page.goBack();
    await expect(page).not.toHaveURL(/status=/);
    await expect.poll(() => table.rowIds()).toEqual(before);
  });

  test('a range brushed at the edges stays within the view’s own range', async ({ page, request, emulator }) => {
    await addPinned({ request, emulator });
    const table = new TablePage(page, 'model-packages');
    const rows = await apiAll(request, table.apiPath, {
      CreationTimeAfter: new Date(PINNED_START).toISOString(),
      CreationTimeBefore: new Date(PINNED_END).toISOString(),
    });
    const times = rows.map((row) => Date.parse(String(row.CreationTime))).sort((a, b) => a - b);
    // A view from a minute before its first row to a minute after its last: neither end on a week's edge.
    const start = new Date((times[0] ?? 0) - 60_000);
    const end = new Date((times.at(-1) ?? 0) + 60_000);
    await table.open(`created=${start.toISOString()}/${end.toISOString()}`);
    const chart = new Histogram(page);
    await loadAll(page, table);
    await expect(chart.figure.locator('figcaption')).toContainText(/all \d+ rows loaded/);
    expect(await chart.unit()).toBe('week');
    const buckets = await chart.counts();
    const starts = buckets.map((bucket) => Date.parse(bucket.start));
    expect(starts[0], 'the first week begins before the view').toBeLessThan(start.getTime());

    await chart.chart.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Enter');
    const created = () => (new URL(page.url()).searchParams.get('created') ?? '').split('/').map(Date.parse);
    await expect.poll(created).toEqual([start.getTime(), starts[2]]);

    await page.goBack();
    await expect.poll(created).toEqual([start.getTime(), end.getTime()]);
    await expect(chart.svg).toBeVisible();
    await chart.chart.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(created).toEqual([starts.at(-2), end.getTime()]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`looks as it should and is axe clean (${scheme})`, async ({ page, request, emulator }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 800 });
      const { table, chart } = await openPinned({ page, request, emulator });
      await loadAll(page, table);
      await expect(chart.svg).toBeVisible();
      await expect(chart.figure).toHaveScreenshot(`histogram-${scheme}.png`, { maxDiffPixelRatio: 0.005 });
      const results = await new AxeBuilder({ page }).include('[data-testid="time-histogram"]').analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    });
  }
});

test.describe('the time histogram in the browser’s time zone', () => {
  test.use({ timezoneId: 'America/Los_Angeles' });

  /** The Monday of an instant's week in Los Angeles, as that day's date (YYYY-MM-DD), computed apart from the app. */
  function localMonday(at: number): string {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/Los_Angeles',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        weekday: 'short',
      })
        .formatToParts(new Date(at))
        .map((part) => [part.type, part.value]),
    );
    const back = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? '');
    const monday = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day) - back));
    return monday.toISOString().slice(0, 10);
  }

  function wallClock(at: number): string {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/Los_Angeles',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(at));
  }

  test('counts by local weeks, as the table shows its times, and by UTC ones once UTC is chosen', async ({
    page,
    request,
    emulator,
  }) => {
    const { table, first, chart } = await openPinned({ page, request, emulator });
    await loadAll(page, table);
    // January to June: winter and summer time.
    await expect(chart.figure.locator('figcaption')).toContainText('per week (PST/PDT)');
    const rows = await apiAll(request, table.apiPath, listParams(await first.url()));
    const expected = new Map<string, number>();
    for (const row of rows) {
      const monday = localMonday(Date.parse(String(row.CreationTime)));
      expected.set(monday, (expected.get(monday) ?? 0) + 1);
    }
    const local = (await chart.counts()).filter((bucket) => bucket.total > 0);
    for (const bucket of local) expect(wallClock(Date.parse(bucket.start))).toMatch(/, 00:00$/);
    expect(new Map(local.map((bucket) => [localMonday(Date.parse(bucket.start)), bucket.total]))).toEqual(expected);

    await page.getByRole('group', { name: 'Time zone' }).getByRole('button', { name: 'UTC' }).click();
    await expect(chart.figure.locator('figcaption')).toContainText('per week (UTC)');
    const utc = (await chart.counts()).filter((bucket) => bucket.total > 0);
    for (const bucket of utc) expect(bucket.start).toBe(bucketStart('week', bucket.start));
    expect(utc.map((bucket) => bucket.start)).not.toEqual(local.map((bucket) => bucket.start));
    expect(utc.reduce((sum, bucket) => sum + bucket.total, 0)).toBe(rows.length);
  });
});

test.describe('the time histogram on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('collapses to a sparkline that still filters by a tap', async ({ page }) => {
    const table = new TablePage(page, 'images');
    await table.open();
    const chart = new Histogram(page);
    await expect(chart.svg).toBeVisible();
    await expect(chart.svg).toHaveAttribute('height', '32');
    const box = await chart.svg.boundingBox();
    if (box === null) throw new Error('the chart has no box');
    expect(box.width).toBeLessThanOrEqual(390);
    const results = await new AxeBuilder({ page }).include('[data-testid="time-histogram"]').analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    // Tap the fullest bar.
    const buckets = await chart.counts();
    const fullest = buckets.reduce(
      (best, bucket, index) => (bucket.total > (buckets[best]?.total ?? 0) ? index : best),
      0,
    );
    const x = ((fullest + 0.5) / buckets.length) * box.width;
    await chart.svg.tap({ position: { x, y: box.height / 2 } });
    await expect(page).toHaveURL(/created=/);
    const created = (new URL(page.url()).searchParams.get('created') ?? '').split('/').map(Date.parse);
    expect(created[0]).toBe(Date.parse(buckets[fullest]?.start ?? ''));
    await expect(table.rows.first()).toBeVisible();
  });

  for (const resource of ['images', 'model-packages'] as const) {
    test(`the rows stay where they are when the chart comes (${resource})`, async ({ page }) => {
      const [before, after] = await tableTopBeforeAndAfterChart(page, new TablePage(page, resource));
      expect(before).toBeGreaterThan(0);
      expect(after).toBe(before);
    });
  }
});
