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

test('with one source the table has no Account or Region column and no selector; the header names the account', async ({
  page,
  request,
}) => {
  const images = new TablePage(page, 'images');
  const first = await images.open('account=prod');
  await images.rowIds();
  // The one account is named "default": any other name in a link is named and ignored.
  await expect(images.urlIssues).toContainText('account=prod');
  expect(new URL(await first.url()).searchParams.has('Accounts')).toBe(false);
  // The account id is learned with GetCallerIdentity at start-up, in the background.
  let accountId = '';
  await expect
    .poll(async () => {
      const body = (await (await request.get('/api/images?MaxResults=1')).json()) as {
        sources: { accountId?: string }[];
      };
      accountId = body.sources[0]?.accountId ?? '';
      return accountId;
    })
    .toMatch(/^\d{12}$/);
  await page.reload();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('title', new RegExp(`account ${accountId}$`));
  await expect(images.header('Account')).toHaveCount(0);
  await expect(images.header('Region')).toHaveCount(0);
  await expect(images.filterButton('Account')).toHaveCount(0);
  await expect(page.getByTestId('source-status')).toHaveCount(0);
});
