import AxeBuilder from '@axe-core/playwright';
import { pagePath } from '@/lib/resources/derive';
import { sections } from '@/lib/resources/registry';
import { expect, test } from './fixtures';
import { TablePage } from './pages/table-page';
import { NotFoundPage } from './pages/not-found-page';

for (const scheme of ['light', 'dark'] as const) {
  test(`the not-found page has no serious or critical axe violations (${scheme})`, async ({ page, consoleLog }) => {
    consoleLog.allow(/status of 404/);
    await page.emulateMedia({ colorScheme: scheme });
    const notFound = new NotFoundPage(page);
    await notFound.open();
    await expect(notFound.message).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'),
    ).toEqual([]);
  });
}

test('the toolbar works from the keyboard: popovers open with Enter and close on Escape', async ({ page }) => {
  const images = new TablePage(page, 'images');
  await images.open();
  await images.rowIds();
  const view = page.getByRole('button', { name: 'View preferences' });
  await view.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'View preferences' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: /^Name/ })).toBeDisabled();
  await expect(dialog.getByRole('checkbox', { name: 'Display name' })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(view).toBeFocused();
  await expect(images.header('Display name')).toHaveCount(0);
  await expect(images.header('Name')).toHaveCount(1);
  await page.reload();
  await images.rowIds();
  await expect(images.header('Display name')).toHaveCount(0);
  await view.click();
  await dialog.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(images.header('Display name')).toHaveCount(1);
});

test('a status with a failure reason explains it on Enter', async ({ page }) => {
  const images = new TablePage(page, 'images');
  await images.open('status=CREATE_FAILED');
  const badge = images.cells('status').getByRole('button').first();
  await badge.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Failure reason' }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(badge).toBeFocused();
});

test('the navigation lists every section of the registry, in order, and marks the current one', async ({ page }) => {
  await page.goto('/model-package-groups');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(sections().map((spec) => spec.label));
  for (const spec of sections())
    await expect(nav.getByRole('link', { name: spec.label, exact: true })).toHaveAttribute('href', pagePath(spec));
  await expect(nav.getByRole('link', { name: 'Model package groups' })).toHaveAttribute('aria-current', 'page');
});
