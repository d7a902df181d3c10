import { expect, test } from './fixtures';
import { TablePage } from './pages/table-page';

test('an unknown image shows the image not-found page', async ({ page, consoleLog }) => {
  consoleLog.allow(/status of 404/);
  const versions = new TablePage(page, 'image-versions', { ImageName: 'no-such-image-here' });
  const response = await page.goto(versions.path);
  expect(response?.status()).toBe(404);
  await expect(versions.parentNotFound).toContainText('Image not found');
});
