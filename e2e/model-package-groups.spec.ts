import { apiAll } from './api';
import { expect, test } from './fixtures';
import { TablePage } from './pages/table-page';

test("a group's name opens its packages, with the group's summary above them", async ({ page }) => {
  const groups = new TablePage(page, 'model-package-groups');
  await groups.open('name=churn&sort=name&order=asc');
  const link = groups.cells('name').first().getByRole('link');
  const name = (await link.textContent()) ?? '';
  const packages = new TablePage(page, 'model-packages');
  await link.click();
  await expect(page).toHaveURL(`/model-packages?group=${name}`);
  expect(new URL(await packages.firstPageUrl()).searchParams.get('ModelPackageGroupName')).toBe(name);
  await expect(packages.parentSummary).toHaveAccessibleName(`model package group ${name}`);
  await expect(packages.parentSummary).toContainText(`:model-package-group/${name}`);
  await expect(packages.filter('group')).toHaveValue(name);
  expect((await packages.rowIds()).length).toBeGreaterThan(0);
});

test('a group shared from another account opens its packages by ARN', async ({ page, request }) => {
  const shared = await apiAll(request, '/api/model-package-groups', { CrossAccountFilterOption: 'CrossAccount' });
  expect(shared.length).toBeGreaterThan(0);
  const groups = new TablePage(page, 'model-package-groups');
  await groups.open('shared=only');
  await groups.rowIds();
  await expect(groups.filterButton('Owner')).toContainText('Shared with this account');
  const first = groups.cells('name').first().getByRole('link');
  await first.click();
  const arn = String(
    shared.find((group) => group.ModelPackageGroupName === 'central-churn-xgboost')?.ModelPackageGroupArn ?? '',
  );
  await expect(page).toHaveURL((url) => (url.searchParams.get('group') ?? '').startsWith('arn:aws:sagemaker:'));
  const packages = new TablePage(page, 'model-packages');
  await expect(packages.parentSummary).toContainText('Shared from the central model registry');
  const ids = await packages.rowIds();
  expect(ids.length).toBeGreaterThan(0);
  const owner = new URL(page.url()).searchParams.get('group')?.split(':')[4];
  for (const id of ids) expect(id.split(':')[4]).toBe(owner);
  expect(arn).toContain(`:${owner}:`);
});

test('the Group filter suggests group names as you type', async ({ page }) => {
  const packages = new TablePage(page, 'model-packages');
  await packages.open();
  await packages.rowIds();
  const input = packages.filter('group');
  await input.focus();
  await page.keyboard.type('churn');
  const suggestions = page.getByTestId('filter-suggestions').locator('option');
  await expect(suggestions.first()).toBeAttached();
  const values = await suggestions.evaluateAll((options) => options.map((option) => option.getAttribute('value')));
  expect(values).toContain('churn-xgboost');
  for (const value of values) expect(value).toContain('churn');
});

test('a group that does not exist is named above an empty table', async ({ page }) => {
  const packages = new TablePage(page, 'model-packages');
  await packages.open('group=no-such-group-anywhere');
  await expect(packages.parentNotFound).toContainText('There is no model package group named “no-such-group-anywhere”');
  await expect(packages.emptyState).toBeVisible();
});
