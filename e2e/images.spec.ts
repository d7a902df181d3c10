import { expect, test } from './fixtures';
import { TablePage } from './pages/table-page';

test('an image row opens its versions, and / goes to /images', async ({ page }) => {
  const images = new TablePage(page, 'images');
  await page.goto('/');
  await expect(page).toHaveURL(/\/images$/);
  const link = images.cells('name').first().getByRole('link');
  const name = (await link.textContent()) ?? '';
  await link.click();
  await expect(page).toHaveURL(`/images/${name}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(breadcrumb.getByRole('link', { name: 'Images' })).toHaveAttribute('href', '/images');
  await expect(breadcrumb.locator('[aria-current="page"]')).toHaveText(name);
  await expect(page.getByRole('navigation', { name: 'Main' })).not.toContainText(name);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Images' })).toHaveClass(
    /font-medium/,
  );
  await expect(new TablePage(page, 'image-versions', { ImageName: name }).parentSummary).toContainText(name);
  await expect(page.getByTestId('backend-badge')).toContainText('Emulator · us-east-1');
});
