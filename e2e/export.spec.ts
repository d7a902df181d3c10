import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { apiAll } from './api';
import { expect, test } from './fixtures';
import { TablePage } from './pages/table-page';

async function largeGroup(request: Parameters<typeof apiAll>[0]): Promise<string> {
  const packages = await apiAll(request, '/api/model-packages', { ModelPackageType: 'Versioned' });
  const counts = new Map<string, number>();
  for (const item of packages) {
    const group = String(item.ModelPackageGroupName);
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const found = [...counts].find(([, count]) => count > 100 && count < 500)?.[0];
  if (found === undefined) throw new Error('no group with 100 to 500 packages');
  return found;
}

test.describe('export', () => {
  test('Export CSV downloads the whole filtered listing, browser-side filter included', async ({ page, request }) => {
    const group = await largeGroup(request);
    const table = new TablePage(page, 'model-packages');
    await table.open(`group=${group}&status=Completed`);
    await table.rowIds();
    const exported = page.waitForRequest((sent) => sent.url().includes('/api/model-packages/export'));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const params = new URL((await exported).url()).searchParams;
    expect(params.get('format')).toBe('csv');
    expect(params.get('ModelPackageGroupName')).toBe(group);
    expect(params.get('status')).toBe('Completed');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^model-packages-.*\.csv$/);
    const text = readFileSync(await file.path(), 'utf8');
    const [header = '', ...lines] = text.split('\r\n').filter((line) => line !== '');
    // The API's own member names, in the order of its summary shape, then where each row was listed.
    expect(header.split(',')).toEqual([
      'ModelPackageName',
      'ModelPackageGroupName',
      'ModelPackageVersion',
      'ModelPackageArn',
      'ModelPackageDescription',
      'CreationTime',
      'ModelPackageStatus',
      'ModelApprovalStatus',
      'ModelLifeCycle',
      'ModelPackageRegistrationType',
      'AccountId',
      'AccountName',
      'Region',
    ]);
    const all = await apiAll(request, '/api/model-packages', {
      ModelPackageGroupName: group,
      ModelPackageType: 'Both',
    });
    const completed = all.filter((item) => item.ModelPackageStatus === 'Completed');
    expect(completed.length).toBeGreaterThan(0);
    expect(lines).toHaveLength(completed.length);
    await expect(page.getByTestId('export-status')).toHaveText(`Exported ${completed.length} rows as CSV`);
  });

  test('Export JSON from the keyboard: the same rows, in the listing order', async ({ page, request }) => {
    const group = await largeGroup(request);
    const table = new TablePage(page, 'model-packages');
    await table.open(`group=${group}&order=asc`);
    await table.rowIds();
    const button = page.getByRole('button', { name: 'Export JSON' });
    await button.focus();
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const items = z
      .array(z.record(z.string(), z.unknown()))
      .parse(JSON.parse(readFileSync(await (await download).path(), 'utf8')));
    const listed = await apiAll(request, '/api/model-packages', {
      ModelPackageGroupName: group,
      ModelPackageType: 'Both',
      SortBy: 'CreationTime',
      SortOrder: 'Ascending',
    });
    expect(items.map((item) => item.ModelPackageArn)).toEqual(listed.map((item) => item.ModelPackageArn));
    await expect(button).toBeFocused();
  });

  test('shows the rows so far while it streams, and Cancel stops it without a file', async ({ page, emulator }) => {
    const table = new TablePage(page, 'model-packages');
    await table.open('type=both');
    await table.rowIds();
    await emulator.setFaults({ latencyMs: 400, operations: ['ListModelPackages'] });
    let downloads = 0;
    page.on('download', () => {
      downloads += 1;
    });
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const status = page.getByTestId('export-status');
    await expect(status).toHaveText(/Exporting CSV… [1-9][\d,]* rows/, { timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Export JSON' })).toHaveAttribute('aria-disabled', 'true');
    await page.getByRole('button', { name: 'Cancel export' }).click();
    await expect(status).toHaveText('');
    // Focus goes back to the button that started it, not to the page.
    await expect(page.getByRole('button', { name: 'Export CSV' })).toBeFocused();
    await expect(page.getByRole('button', { name: 'Cancel export' })).toHaveCount(0);
    await page.waitForTimeout(1000);
    expect(downloads).toBe(0);
  });

  test('a listing that cannot be exported says why', async ({ page, emulator, consoleLog }) => {
    consoleLog.allow(/status of 403/);
    const table = new TablePage(page, 'images');
    await table.open();
    await table.rowIds();
    await emulator.setFaults({ denyOperations: ['ListImages'] });
    await page.getByRole('button', { name: 'Export JSON' }).click();
    await expect(page.getByTestId('export-status')).toContainText('Export failed:');
    await expect(page.getByTestId('export-status')).toContainText('sagemaker:ListImages');
  });
});

test.describe('export on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('Export CSV fits the screen and downloads with a tap', async ({ page }) => {
    const table = new TablePage(page, 'images');
    await table.open();
    await table.rowIds();
    const button = page.getByRole('button', { name: 'Export CSV' });
    const box = await button.boundingBox();
    expect(box !== null && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    const download = page.waitForEvent('download');
    await button.tap();
    expect((await download).suggestedFilename()).toMatch(/^images-.*\.csv$/);
    await expect(page.getByTestId('export-status')).toHaveText(/^Exported \d+ rows as CSV$/);
  });
});
