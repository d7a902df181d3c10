import { expect, test } from './fixtures';
import { TablePage } from './pages/table-page';

/**
 * The server renders times in UTC, as it cannot know the browser's zone; once the page runs, they show in the
 * browser's zone, or in UTC when the user chose it. The fixture fails a test on any hydration mismatch.
 */
test.describe('a browser in another time zone than the server', () => {
  test.use({ timezoneId: 'Asia/Kolkata' });

  for (const id of ['images', 'model-packages'] as const) {
    test(`${id}: the page takes over the server's rows without a mismatch, then shows the browser's zone or UTC`, async ({
      page,
    }) => {
      const table = new TablePage(page, id);
      await table.open('created=2020-01-01T00:00:00Z/2026-01-01T00:00:00Z');
      const range = table.rangeButton('Created');
      await expect(range).toContainText('2020-01-01 05:30 – 2026-01-01 05:30 GMT+5:30');
      const created = table.cells('created').first().locator('time');
      await expect(created).toHaveAttribute('title', / GMT\+5:30$/);

      await range.click();
      const dialog = page.getByRole('dialog', { name: 'Created range' });
      await expect(dialog.getByLabel('From (GMT+5:30)')).toHaveValue('2020-01-01 05:30');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      await page.getByRole('button', { name: 'UTC', exact: true }).click();
      await expect(range).toContainText('2020-01-01 00:00 – 2026-01-01 00:00 UTC');
      await range.click();
      await expect(dialog.getByLabel('From (UTC)')).toHaveValue('2020-01-01 00:00');
      await page.keyboard.press('Escape');

      // The choice is kept; the server still renders UTC first, and the page agrees with it.
      await page.reload();
      await expect(range).toContainText('2020-01-01 00:00 – 2026-01-01 00:00 UTC');
      await expect(created).toHaveAttribute('title', / UTC$/);
    });
  }
});
