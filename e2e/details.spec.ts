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
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(String(oldest?.ModelPackageName));
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
