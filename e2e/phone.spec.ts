import type { Locator, Page } from '@playwright/test';
import { apiPage } from './api';
import { expect, test } from './fixtures';

const PHONE = { width: 390, height: 844 };

test.use({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (found === null) throw new Error('no box');
  return found;
}

function overlap(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function expectPhoneLayout(page: Page): Promise<void> {
  await expect(page.locator('tbody tr[data-row-id]').first()).toBeVisible();
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(widths.page, 'the page scrolls sideways').toBeLessThanOrEqual(widths.viewport);

  const badge = await box(page.getByTestId('backend-badge'));
  for (const link of await page.getByRole('navigation', { name: 'Main' }).getByRole('link').all()) {
    expect(overlap(await box(link), badge), 'a nav link overlaps the backend badge').toBe(false);
  }
  const toolbar = page.locator('section[aria-label] button:visible, section[aria-label] input:visible');
  for (const control of await toolbar.all()) {
    if ((await control.locator('xpath=ancestor::table').count()) > 0) continue;
    const { x, width } = await box(control);
    expect(x, `${await control.getAttribute('aria-label')} starts off screen`).toBeGreaterThanOrEqual(0);
    expect(x + width, `${await control.getAttribute('aria-label')} is clipped`).toBeLessThanOrEqual(PHONE.width);
  }
  const scroller = page.getByTestId('table-scroll');
  const table = await scroller.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
  expect(table.scroll, 'the table scrolls inside its own box').toBeGreaterThan(table.client);
  expect((await box(scroller)).width).toBeLessThanOrEqual(PHONE.width);
}

test.describe('on a phone', () => {
  test('the images page fits: nothing overlaps, nothing is clipped, only the table scrolls sideways', async ({
    page,
  }) => {
    await page.goto('/images');
    await expectPhoneLayout(page);
  });

  test('the model packages page fits, its toolbar wrapping onto more rows', async ({ page }) => {
    await page.goto('/model-packages');
    await expectPhoneLayout(page);
  });

  test("an image's page fits, with the whole breadcrumb and summary readable", async ({ page, request }) => {
    const [first] = (await apiPage(request, '/api/images?SortBy=IMAGE_NAME&SortOrder=DESCENDING&MaxResults=1')).items;
    const name = String(first?.ImageName);
    await page.goto(`/images/${name}`);
    await expectPhoneLayout(page);
    const current = page.getByRole('navigation', { name: 'Breadcrumb' }).locator('[aria-current="page"]');
    await expect(current).toHaveText(name);
    expect(await current.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    const arn = page.getByTestId('parent-summary').getByText(String(first?.ImageArn), { exact: true });
    await expect(arn).toBeVisible();
    expect((await box(arn)).x + (await box(arn)).width).toBeLessThanOrEqual(PHONE.width);
  });
});
