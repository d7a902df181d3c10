import { imageVersionsSpec } from '@/lib/resources/image-versions';
import { apiAll } from './api';
import { expect, test } from './fixtures';
import { ImageVersionsPage } from './pages/image-versions-page';
import { tableSuite } from './table-suite';

tableSuite({
  spec: imageVersionsSpec,
  serverSort: { id: 'version', label: 'Version' },
  browserSort: { id: 'status', label: 'Status' },
  data: async (request) => {
    const images = await apiAll(request, '/api/images');
    for (const image of images) {
      const name = String(image.ImageName);
      const versions = await apiAll(request, `/api/images/${encodeURIComponent(name)}/versions`);
      if (versions.length > 100 && versions.length < 500) {
        return {
          open: (page) => new ImageVersionsPage(page, name),
          listing: 'order=desc',
          deepLink: 'created=2020-01-01T00:00:00Z/..&sort=version&order=asc',
          text: {},
        };
      }
    }
    throw new Error('the emulator catalog has no image with 100 to 500 versions');
  },
});

test('an unknown image shows the image not-found page', async ({ page, consoleLog }) => {
  consoleLog.allow(/status of 404/);
  const versions = new ImageVersionsPage(page, 'no-such-image-here');
  const response = await page.goto(versions.path);
  expect(response?.status()).toBe(404);
  await expect(versions.notFound).toBeVisible();
});
