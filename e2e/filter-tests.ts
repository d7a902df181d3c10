import type { FilterSpec } from '@/lib/resources/types';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { TablePage } from './pages/table-page';
import type { SuiteData } from './table-suite';

/** Tests for one filter of the spec, chosen by its kind; `data` gives the suite's test data once loaded. */
export function filterTests(filter: FilterSpec, data: () => SuiteData & { open: (page: Page) => TablePage }) {
  if (filter.kind === 'text') {
    test(`the ${filter.label} filter sends ${filter.apiParam} after checking it`, async ({ page }) => {
      const table = data().open(page);
      await table.open(data().listing);
      await table.rowIds();
      let invalidSent = false;
      page.on('request', (request) => {
        if (new URL(request.url()).searchParams.get(filter.apiParam) === 'bad value!') invalidSent = true;
      });
      await table.filter(filter.id).fill('bad value!');
      await expect(page.getByRole('alert').filter({ hasText: filter.label })).toContainText('; not sent.');
      const value = data().text[filter.id] ?? '';
      const sent = table.nextListRequest((params) => params.get(filter.apiParam) === value);
      await table.filter(filter.id).fill(value);
      await sent;
      await expect(page).toHaveURL(new RegExp(`${filter.id}=${encodeURIComponent(value)}`));
      expect(invalidSent).toBe(false);
    });
    test(`a ${filter.id}= link longer than ${filter.apiParam} allows is named and ignored, and rows show`, async ({
      page,
    }) => {
      const table = data().open(page);
      const tooLong = 'a'.repeat(200);
      const query = new URLSearchParams(data().listing);
      query.set(filter.id, tooLong);
      const first = await table.open(query.toString());
      await expect(table.urlIssues).toContainText(`${filter.id}=${'a'.repeat(100)}`);
      await expect(table.urlIssues).toContainText('… must be at most');
      expect(new URL(await first.url()).searchParams.has(filter.apiParam)).toBe(false);
      expect((await table.rowIds()).length).toBeGreaterThan(0);
    });
  } else if (filter.kind === 'enum') {
    const option = filter.options.find(
      (candidate) => candidate.value !== filter.defaultValue && candidate.apiValue !== undefined,
    );
    if (option === undefined) return;
    test(`the ${filter.label} filter sends ${filter.apiParam}=${option.apiValue}`, async ({ page }) => {
      const table = data().open(page);
      await table.open(data().listing);
      await table.rowIds();
      const sent = table.nextListRequest((params) => params.get(filter.apiParam) === option.apiValue);
      const trigger = table.filterButton(filter.label);
      await trigger.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: `${filter.label} filter` });
      await dialog.getByRole('button', { name: option.label, exact: true }).click();
      await sent;
      await expect(page).toHaveURL(new RegExp(`${filter.id}=${option.value}`));
      await expect(dialog).toBeHidden();
      await expect(trigger).toContainText(option.label);
    });
  } else if (filter.kind === 'dateRange') {
    test(`the ${filter.label} range sends resolved ${filter.afterParam}/${filter.beforeParam}`, async ({ page }) => {
      const table = data().open(page);
      await table.open(data().listing);
      await table.rowIds();
      const preset = table.nextListRequest((params) => params.has(filter.afterParam));
      await table.rangeButton(filter.label).click();
      await page.getByRole('button', { name: 'Last 30 d' }).click();
      const after = Date.parse(new URL((await preset).url()).searchParams.get(filter.afterParam) ?? '');
      expect(Math.abs(after - (Date.now() - 30 * 86_400_000))).toBeLessThan(120_000);
      await expect(page).toHaveURL(new RegExp(`${filter.id}=P30D`));

      await page.getByRole('button', { name: 'UTC', exact: true }).click();
      const custom = table.nextListRequest((params) => params.get(filter.beforeParam) === '2026-01-31T23:59:59.999Z');
      await table.rangeButton(filter.label).click();
      const dialog = page.getByRole('dialog', { name: `${filter.label} range` });
      await dialog.getByLabel('From (UTC)').fill('2025-01-01 00:00');
      await dialog.getByLabel('To (UTC)').fill('2026-01-31 23:59');
      await dialog.getByRole('button', { name: 'Apply' }).click();
      expect(new URL((await custom).url()).searchParams.get(filter.afterParam)).toBe('2025-01-01T00:00:00Z');
      await expect(page).toHaveURL(
        (url) => url.searchParams.get(filter.id) === '2025-01-01T00:00:00Z/2026-01-31T23:59:59.999Z',
      );
      await expect(table.rangeButton(filter.label)).toContainText('2025-01-01 00:00 – 2026-01-31 23:59 UTC');
      await table.rangeButton(filter.label).click();
      await expect(dialog.getByLabel('To (UTC)')).toHaveValue('2026-01-31 23:59');
      await page.keyboard.press('Escape');

      await table.rangeButton(filter.label).click();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(table.rangeButton(filter.label)).toBeFocused();
    });
  } else {
    test(`the ${filter.label} filter narrows the loaded rows in the browser`, async ({ page }) => {
      const table = data().open(page);
      await table.open(data().listing);
      await table.rowIds();
      const statuses = await table.cells('status').allInnerTexts();
      const wanted = statuses[0] ?? filter.options[0] ?? '';
      await table.filterButton(filter.label).click();
      await page
        .getByRole('dialog', { name: `${filter.label} filter` })
        .getByRole('checkbox', { name: wanted, exact: true })
        .check();
      await expect(page).toHaveURL(new RegExp(`${filter.id}=${wanted}`));
      await page.keyboard.press('Escape');
      await expect.poll(async () => new Set(await table.cells('status').allInnerTexts())).toEqual(new Set([wanted]));
    });
  }
}
