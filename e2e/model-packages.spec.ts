import { expect, test } from './fixtures';
import { TablePage } from './pages/table-page';

test('a package group opens the registry filtered by that group', async ({ page }) => {
  const packages = new TablePage(page, 'model-packages');
  await packages.open('type=versioned');
  const link = packages.cells('group').first().getByRole('link');
  const group = (await link.textContent()) ?? '';
  const filtered = packages.nextListRequest((params) => params.get('ModelPackageGroupName') === group);
  await link.click();
  await filtered;
  await expect(page).toHaveURL(`/model-packages?group=${group}`);
  await expect(packages.filter('group')).toHaveValue(group);
});
