import type { Page } from '@playwright/test';
import { apiPage } from './api';
import { expect, test } from './fixtures';
import { TablePage } from './pages/table-page';

function panel(page: Page) {
  return page.getByRole('dialog');
}

function detailsParam(page: Page): string | null {
  return new URL(page.url()).searchParams.get('details');
}

test.describe('the details panel', () => {
  test('a link naming a row that is not loaded opens its panel with what DescribeModelPackage adds', async ({
    page,
    request,
  }) => {
    const oldest = (await apiPage(request, '/api/model-packages?SortOrder=Ascending&MaxResults=1')).items[0];
    const arn = String(oldest?.ModelPackageArn);
    const packages = new TablePage(page, 'model-packages');
    await packages.open(`details=${encodeURIComponent(arn)}`);
    await expect(packages.rows.first()).toBeVisible();
    expect(await packages.rowIds()).not.toContain(arn);

    const dialog = panel(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(arn.slice(arn.indexOf('/') + 1));
    await expect(dialog).toHaveAccessibleName(`model package ${arn.slice(arn.indexOf('/') + 1)}`);
    // The row's own fields, from the Describe answer, as the listing shows them.
    await expect(dialog.locator('dt', { hasText: /^Status$/ }).locator('xpath=following-sibling::dd')).toHaveText(
      String(oldest?.ModelPackageStatus),
    );
    await expect(dialog.getByText('This row is not among the loaded rows.')).toHaveCount(0);
    const more = dialog.getByTestId('details-more');
    await expect(more).toContainText('Inference specification');
    await expect(more).toContainText(/\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\//);
    await expect(more).toContainText(/s3:\/\/\S+\/model\.tar\.gz/);
    await expect(dialog.getByRole('button', { name: /^Copy .*ARN/ }).first()).toBeVisible();
    await expect(dialog.getByRole('button', { name: /^Copy .*Image/ }).first()).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(detailsParam(page)).toBeNull();
  });

  test('opens from a row with the keyboard, and Escape brings focus back to that row', async ({ page }) => {
    const images = new TablePage(page, 'images');
    await images.open();
    const ids = await images.rowIds();
    await images.rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(images.rows.nth(2)).toBeFocused();
    await page.keyboard.press('Enter');

    const dialog = panel(page);
    await expect(dialog).toBeVisible();
    expect(detailsParam(page)).toBe(ids[2]);
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(ids[2]?.split('/').at(-1) ?? '');
    await expect(dialog.getByTestId('details-more')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Close', exact: true })).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(images.rows.nth(2)).toBeFocused();
    expect(detailsParam(page)).toBeNull();
    await expect(images.rows.nth(2)).toHaveAttribute('data-row-id', ids[2] ?? '');
  });

  test("the table is one tab stop: Tab goes through the focused row's controls, then leaves the table", async ({
    page,
  }) => {
    const packages = new TablePage(page, 'model-packages');
    await packages.open('type=versioned');
    await packages.rows.first().focus();
    await page.keyboard.press('ArrowDown');
    const active = packages.rows.nth(1);
    await expect(active).toBeFocused();
    const inside = await active.evaluate((row) => row.querySelectorAll('a, button').length);
    expect(inside).toBeGreaterThan(1);
    for (let step = 0; step < inside; step += 1) {
      await page.keyboard.press('Tab');
      expect(await active.evaluate((row) => row.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('tbody') ?? null)).toBeNull();

    await expect(page.getByRole('button', { name: /^Load(ing)? more/ })).toBeFocused();

    await packages.scroller.evaluate((box) => box.scrollTo({ top: 2000 }));
    await expect(page.locator('tbody tr[data-index="2"]')).toHaveCount(0);
    await packages.header('Created').getByRole('button').focus();
    await page.keyboard.press('Tab');
    const focused = page.locator('tbody tr:focus');
    await expect(focused).toBeInViewport();
    expect(Number(await focused.getAttribute('data-index'))).toBeGreaterThan(30);
  });

  test("Enter then Escape at once stays on the page, and focus lands on a row when the link's row is not loaded", async ({
    page,
    request,
  }) => {
    const images = new TablePage(page, 'images');
    await images.open();
    const packages = new TablePage(page, 'model-packages');
    await packages.open();
    await packages.rows.first().focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(panel(page)).toHaveCount(0);
    await expect(page).toHaveURL(/\/model-packages$/);
    await expect(packages.rows.first()).toBeVisible();
    await packages.rows.first().focus();
    await page.keyboard.press('Enter');
    await expect(panel(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel(page)).toHaveCount(0);
    await expect(page).toHaveURL(/\/model-packages$/);

    const oldest = (await apiPage(request, '/api/model-packages?SortOrder=Ascending&MaxResults=1')).items[0];
    await packages.open(`details=${encodeURIComponent(String(oldest?.ModelPackageArn))}`);
    await expect(panel(page).getByTestId('details-more')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel(page)).toHaveCount(0);
    await expect(packages.rows.first()).toBeFocused();
  });

  test("a link naming another account's row, or no ARN at all, says so", async ({ page, consoleLog }) => {
    consoleLog.allow(/status of 400 \(Bad Request\)/);
    const images = new TablePage(page, 'images');
    await images.open();
    const [id] = await images.rowIds();
    const elsewhere = String(id).replace(/:\d{12}:/, ':999999999999:');
    await images.open(`details=${encodeURIComponent(elsewhere)}`);
    await expect(panel(page).getByTestId('details-missing')).toContainText('found no image');
    await expect(panel(page).getByText('This row is not among the loaded rows.')).toBeVisible();
    await images.open(`details=${encodeURIComponent('<script>x</script>')}`);
    await expect(panel(page).getByTestId('details-invalid')).toContainText('is not a valid image ARN');
  });

  test('each row has a Details button; Back closes the panel it opened', async ({ page }) => {
    const groups = new TablePage(page, 'model-package-groups');
    await groups.open();
    const [first] = await groups.rowIds();
    const name = first?.split('/').at(-1) ?? '';
    const button = page.getByRole('button', { name: `Details of model package group ${name}`, exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(panel(page)).toBeVisible();
    await expect(panel(page).getByTestId('details-more')).toContainText('Created by');

    await page.goBack();
    await expect(panel(page)).toBeHidden();
    expect(detailsParam(page)).toBeNull();
    await expect(groups.rows.first()).toBeFocused();
  });

  test('without the Describe permission the panel keeps the row and names the IAM action', async ({
    page,
    emulator,
    consoleLog,
  }) => {
    consoleLog.allow(/status of 403 \(Forbidden\)/);
    await emulator.setFaults({ denyOperations: ['DescribeImageVersion'] });
    const images = new TablePage(page, 'images');
    await images.open();
    const [image] = await images.rowIds();
    const versions = new TablePage(page, 'image-versions', { ImageName: image?.split('/').at(-1) ?? '' });
    await versions.open();
    const [version] = await versions.rowIds();
    await versions.rows
      .first()
      .getByRole('button', { name: /^Details of image version / })
      .click();

    const dialog = panel(page);
    await expect(dialog.getByTestId('details-denied')).toContainText('sagemaker:DescribeImageVersion');
    await expect(dialog.getByRole('heading', { level: 2 })).toBeVisible();
    await expect(dialog.getByText(version ?? '', { exact: true }).first()).toBeVisible();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toBeHidden();
    expect(await versions.rowIds()).toContain(version);
    await expect(versions.error).toBeHidden();
  });

  test('a link naming a deleted row says so instead of failing', async ({ page, request, consoleLog }) => {
    consoleLog.allow(/status of 404 \(Not Found\)/);
    const [first] = (await apiPage(request, '/api/model-packages?MaxResults=1')).items;
    const gone = String(first?.ModelPackageArn).replace(/model-package\/.*$/, 'model-package/no-such-group/7');
    const packages = new TablePage(page, 'model-packages');
    await packages.open(`details=${encodeURIComponent(gone)}`);
    await expect(panel(page).getByTestId('details-missing')).toContainText('found no model package');
    await expect(packages.rows.first()).toBeVisible();
  });
});

test.describe('the details panel on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('is a full-width drawer', async ({ page }) => {
    const images = new TablePage(page, 'images');
    await images.open();
    await images.rows
      .first()
      .getByRole('button', { name: /^Details of image / })
      .tap();
    const dialog = panel(page);
    await expect(dialog.getByTestId('details-more')).toBeVisible();
    const box = await dialog.boundingBox();
    expect(box?.x).toBe(0);
    expect(box?.width).toBe(390);
    const sideways = await dialog.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(sideways, 'the drawer scrolls sideways').toBeLessThanOrEqual(0);
  });
});
