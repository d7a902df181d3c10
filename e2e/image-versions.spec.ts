import { expect, test } from './fixtures';
import { TablePage } from './pages/table-page';

test('an unknown image shows the image not-found page', async ({ page, consoleLog }) => {
  consoleLog.allow(/status of 404/);
  const versions = new TablePage(page, 'image-versions', { ImageName: 'no-such-image-here' });
  const response = await page.goto(versions.path);
  expect(response?.status()).toBe(404);
  await expect(versions.parentNotFound).toContainText('Image not found');
});

test("an image's name in another case is another image: not found, never the other one's summary", async ({
  page,
  consoleLog,
}) => {
  consoleLog.allow(/status of 404/);
  const images = new TablePage(page, 'images');
  await images.open();
  const name = ((await images.cells('name').first().getByRole('link').textContent()) ?? '').trim();
  expect(name).not.toBe(name.toUpperCase());
  const versions = new TablePage(page, 'image-versions', { ImageName: name.toUpperCase() });
  const response = await page.goto(versions.path);
  expect(response?.status()).toBe(404);
  await expect(versions.parentNotFound).toContainText('Image not found');
  await expect(versions.parentSummary).toHaveCount(0);
});
