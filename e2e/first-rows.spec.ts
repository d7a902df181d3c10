import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { TablePage } from './pages/table-page';

interface Stats {
  byOperation: Record<string, number>;
}

test('an upstream slower than the page waits for leaves the rows to the browser, which joins the call in flight with the same range', async ({
  page,
  request,
  emulator,
}) => {
  await emulator.reset();
  // Long enough that the browser's loading state lasts seconds after the page (at most 2.5 s) has come, and
  // shorter than the SDK's 10 s timeout, which would retry the call.
  await emulator.setFaults({ latencyMs: 6_000, operations: ['ListImages'] });
  const table = new TablePage(page, 'images');
  // A relative range resolves to a start no other request used, so the proxy has no answer for it yet.
  const asked = table.nextListRequest((params) => !params.has('NextToken'));
  const opened = Date.now();
  await page.goto(`${table.path}?created=P36500D`);
  expect(Date.now() - opened, 'the page came before the upstream answer').toBeLessThan(6_000);
  await expect(page.getByRole('heading', { level: 1, name: 'Images' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Loading rows' })).toBeVisible();
  const after = new URL((await asked).url()).searchParams.get('CreationTimeAfter');
  expect(Date.parse(after ?? '')).toBeLessThan(opened - 36_499 * 86_400_000);
  expect((await table.rowIds()).length).toBeGreaterThan(0);
  const stats = (await (await request.get(`${emulator.url}/_emulator/stats`)).json()) as Stats;
  expect(stats.byOperation.ListImages, 'the page and the browser asked upstream once between them').toBe(1);
});

test('a link followed in the browser shows the next page at once, and the browser loads its rows', async ({
  page,
  emulator,
}) => {
  const images = new TablePage(page, 'images');
  await images.open();
  const link = images.cells('name').first().getByRole('link');
  const name = (await link.textContent()) ?? '';
  await emulator.setFaults({ latencyMs: 3_000, operations: ['ListImageVersions'] });
  const versions = new TablePage(page, 'image-versions', { ImageName: name });
  const asked = versions.nextListRequest((params) => !params.has('NextToken'));
  const clicked = Date.now();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  expect(Date.now() - clicked, 'the page was not held up by the slow listing').toBeLessThan(2_500);
  await asked;
  expect((await versions.rowIds()).length).toBeGreaterThan(0);
});

/**
 * Holds every script the page asks for after its load event, until `release`: the table's code, which comes
 * after the page, then waits, and the server's HTML is all the browser has.
 */
async function holdScriptsAfterLoad(page: Page) {
  let loaded = false;
  page.on('load', () => {
    loaded = true;
  });
  const held: Route[] = [];
  let released = false;
  await page.route('**/_next/static/**/*.js', async (route) => {
    if (loaded && !released) held.push(route);
    else await route.continue();
  });
  return {
    held: () => held.length,
    async release() {
      released = true;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

test("the table's code comes after the page has loaded; until then the server's rows show as they are", async ({
  page,
}) => {
  const table = new TablePage(page, 'images');
  const asked: string[] = [];
  page.on('request', (sent) => {
    const url = new URL(sent.url());
    if (url.pathname === table.apiPath && !url.searchParams.has('NextToken')) asked.push(sent.url());
  });
  const scripts = await holdScriptsAfterLoad(page);
  await page.goto(table.path, { waitUntil: 'load' });
  await expect(table.rows.first()).toBeVisible();
  await expect.poll(scripts.held, 'a script was asked for after the load event').toBeGreaterThan(0);
  await expect(page.locator('section[aria-label="Images"]')).not.toHaveAttribute('data-hydrated');
  const ids = await table.rowIds();
  const firstRow = await table.rows.first().elementHandle();

  await scripts.release();
  await table.hydrated();
  expect(await firstRow?.evaluate((row) => row.isConnected), 'React hydrated the HTML rather than replacing it').toBe(
    true,
  );
  // Hydrated, the table lays its rows out for the window it measures, so it may show more or fewer of them.
  const shown = await table.rowIds();
  const common = Math.min(shown.length, ids.length);
  expect(shown.slice(0, common), 'the table took over the rows it was sent').toEqual(ids.slice(0, common));
  expect(asked, 'the browser did not ask for the first page again').toEqual([]);
  await table.clickHeader('Name');
  await expect(page).toHaveURL(/[?&]sort=name/);
  await expect(table.header('Name')).toHaveAttribute('aria-sort', 'ascending');
});

test('text typed into a filter before the table has hydrated is kept, and then sent', async ({ page }) => {
  const table = new TablePage(page, 'images');
  const scripts = await holdScriptsAfterLoad(page);
  await page.goto(table.path, { waitUntil: 'load' });
  await expect.poll(scripts.held, 'the table is waiting for its code').toBeGreaterThan(0);
  await table.filter('name').pressSequentially('pytorch');
  await expect(page.locator('section[aria-label="Images"]')).not.toHaveAttribute('data-hydrated');

  await scripts.release();
  await table.hydrated();
  await expect(table.filter('name')).toHaveValue('pytorch');
  await expect(page).toHaveURL(/[?&]name=pytorch/);
  await expect
    .poll(async () => {
      const names = await table.cells('name').allTextContents();
      return names.length > 0 && names.every((name) => name.includes('pytorch'));
    }, 'the table lists what was typed')
    .toBe(true);
});

test.describe('a first page the API refuses', () => {
  for (const javaScriptEnabled of [true, false]) {
    test.describe(javaScriptEnabled ? 'in the browser' : 'with JavaScript off', () => {
      test.use({ javaScriptEnabled });

      test('shows the error with the HTML, and is asked again only on Retry', async ({ page, emulator }) => {
        await emulator.setFaults({ denyOperations: ['ListImages'] });
        const table = new TablePage(page, 'images');
        const asked: string[] = [];
        page.on('request', (sent) => {
          if (new URL(sent.url()).pathname === table.apiPath) asked.push(sent.url());
        });
        // A relative range resolves to bounds no other request used, so no cached page answers.
        await page.goto(`${table.path}?created=P36500D`);
        await expect(table.error).toContainText('sagemaker:ListImages');
        await expect(table.rows).toHaveCount(0);
        if (!javaScriptEnabled) return;
        await table.hydrated();
        await page.waitForTimeout(500);
        expect(asked, 'the browser asked for the refused page again').toEqual([]);
        await emulator.setFaults({});
        await table.error.getByRole('button', { name: 'Retry' }).click();
        expect((await table.rowIds()).length).toBeGreaterThan(0);
        expect(asked).toHaveLength(1);
      });
    });
  }
});
