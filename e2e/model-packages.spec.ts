import { expect, test } from './fixtures';
import { TablePage } from './pages/table-page';

test('a package group opens the registry filtered by that group', async ({ page }) => {
  const packages = new TablePage(page, 'model-packages');
  await packages.open('type=versioned');
  const link = packages.cells('group').first().getByRole('link');
  const group = (await link.textContent()) ?? '';
  await link.click();
  await expect(page).toHaveURL(`/model-packages?group=${group}`);
  expect(new URL(await packages.firstPageUrl()).searchParams.get('ModelPackageGroupName')).toBe(group);
  await expect(packages.filter('group')).toHaveValue(group);
});
