import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { apiPage } from './api';
import { assumedCredentials, runPasted } from './aws-cli';
import { expect, test } from './fixtures';
import { TablePage } from './pages/table-page';

/**
 * Runs in the `merged` project: one dashboard over prod and staging in us-east-1 and eu-west-1, and legacy in
 * us-east-1, whose role the emulator refuses (`e2e/data/sources.json`).
 */
const STAGING = '222222222222';

test.describe('several accounts and regions', () => {
  test('the header names the accounts and regions; rows say where they were listed', async ({ page, request }) => {
    const table = new TablePage(page, 'images');
    const first = await table.open();
    await expect(page.getByTestId('backend-badge')).toHaveText(/3 accounts · 2 regions/);
    await expect(table.header('Account')).toBeVisible();
    await expect(table.header('Region')).toBeVisible();
    const answer = await apiPage(request, await first.url());
    const expected = answer.items.slice(0, 10).map((item) => `${String(item.AccountName)} ${String(item.Region)}`);
    await expect(table.rows.first()).toBeVisible();
    const accounts = await table.cells('account').allInnerTexts();
    const regions = await table.cells('region').allInnerTexts();
    const shown = accounts.map((account, index) => `${account.trim()} ${regions[index]?.trim() ?? ''}`);
    expect(shown.slice(0, 10)).toEqual(expected);
    expect(new Set(accounts.map((account) => account.trim()))).toEqual(new Set(['prod', 'staging']));
  });

  test('an account that refuses its role is shown as such, and the others list completely', async ({
    page,
    emulator,
    consoleLog,
  }) => {
    const table = new TablePage(page, 'model-package-groups');
    await table.open();
    const chip = page.getByTestId('source-status');
    await expect(chip).toHaveCount(1);
    await expect(chip).toContainText('legacy (333333333333) · us-east-1 failed');
    await expect(chip).toContainText('may not assume arn:aws:iam::333333333333:role/CatalogReadOnly');
    await expect(chip).toContainText('AccessDenied');
    const total = await table.scrollUntilComplete();
    // What the AWS CLI lists in each account that lets itself be read, with that account's own credentials.
    let expected = 0;
    for (const account of ['prod', 'staging']) {
      const credentials = await assumedCredentials(emulator.url, account);
      for (const region of ['us-east-1', 'eu-west-1']) {
        const listed = await runPasted(
          `aws sagemaker list-model-package-groups --region ${region} --endpoint-url ${emulator.url}`,
          credentials,
        );
        expected += z.object({ ModelPackageGroupSummaryList: z.array(z.unknown()) }).parse(JSON.parse(listed))
          .ModelPackageGroupSummaryList.length;
      }
    }
    expect(total).toBe(expected);
    await expect(chip).toHaveCount(1);

    // An export is never silently short: over every account it fails and names the one that refuses ...
    consoleLog.allow(/status of 403/);
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const status = page.getByTestId('export-status');
    await expect(status).toContainText('Export failed: legacy in us-east-1:');
    await expect(status).toContainText('Export without it');
    // ... and over the accounts that answer it has the rows the table shows.
    await table.open('account=prod,staging');
    await table.rowIds();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const exported = z
      .array(z.object({ AccountName: z.string() }).loose())
      .parse(JSON.parse(readFileSync(await (await download).path(), 'utf8')));
    expect(exported).toHaveLength(total);
    expect(new Set(exported.map((row) => row.AccountName))).toEqual(new Set(['prod', 'staging']));
  });

  test('a failing source gets a chip with its error; Retry lists it again and keeps the rows meanwhile', async ({
    page,
    emulator,
  }) => {
    const table = new TablePage(page, 'images');
    await emulator.setFaults({ errorRate: 1, accounts: [STAGING], operations: ['ListImages'] });
    await table.open('region=eu-west-1');
    const chip = page.getByTestId('source-status');
    await expect(chip).toHaveCount(1);
    await expect(chip).toContainText('staging (222222222222) · eu-west-1 failed');
    await expect(table.cells('account').first()).toHaveText('prod');
    const accounts = await table.cells('account').allInnerTexts();
    expect(accounts.every((account) => account.trim() === 'prod')).toBe(true);
    // Once prod's rows are all in, the count says the listing is not whole rather than "N total".
    await expect(async () => {
      await table.scrollToBottom();
      await expect(table.count).toContainText('loaded · a source left out', { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await table.scroller.evaluate((element) => element.scrollTo({ top: 0 }));

    // Asked again slowly, so the rows can be seen staying while the listing reloads.
    await emulator.reset();
    await emulator.setFaults({ latencyMs: 1500, operations: ['ListImages'] });
    const again = table.nextListRequest((params) => !params.has('NextToken'));
    await chip.getByRole('button', { name: /^Retry staging/ }).click();
    expect((await again).headers()['cache-control']).toBe('no-cache');
    await expect(chip.getByRole('button', { name: /^Retry staging/ })).toBeDisabled();
    await expect(table.cells('account').first()).toHaveText('prod');
    await expect(chip).toHaveCount(0, { timeout: 15_000 });
    await expect(table.cells('account').filter({ hasText: 'staging' }).first()).toBeVisible();
    await expect(table.count).not.toContainText('left out');
  });

  test('the account and region selector narrows the sources, in the URL and on the wire, with the keyboard', async ({
    page,
  }) => {
    const table = new TablePage(page, 'images');
    await table.open();
    await table.rowIds();
    const account = table.filterButton('Account');
    await expect(account).toHaveAccessibleName('Account filter: All');
    await account.focus();
    await page.keyboard.press('Enter');
    const staging = page.getByRole('checkbox', { name: /^staging/ });
    const legacy = page.getByRole('checkbox', { name: /^legacy/ });
    await expect(staging).toBeChecked();
    const narrowed = table.nextListRequest((params) => params.get('Accounts') === 'prod,legacy');
    await staging.focus();
    await page.keyboard.press('Space');
    await narrowed;
    await expect(page).toHaveURL(/[?&]account=prod(,|%2C)legacy(&|$)/);
    await expect(staging).not.toBeChecked();
    const onlyProd = table.nextListRequest((params) => params.get('Accounts') === 'prod');
    await legacy.focus();
    await page.keyboard.press('Space');
    await onlyProd;
    // The last account left cannot be unchecked: a listing of no source means nothing.
    await expect(page.getByRole('checkbox', { name: /^prod/ })).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(account).toBeFocused();
    await expect(account).toHaveAccessibleName('Account filter: prod');
    await expect(page.getByTestId('source-status')).toHaveCount(0);
    await expect(table.rows.first()).toBeVisible();
    const accounts = await table.cells('account').allInnerTexts();
    expect(new Set(accounts.map((name) => name.trim()))).toEqual(new Set(['prod']));

    const region = table.filterButton('Region');
    await region.click();
    const inEurope = table.nextListRequest(
      (params) => params.get('Regions') === 'eu-west-1' && params.get('Accounts') === 'prod',
    );
    await page.getByRole('checkbox', { name: 'us-east-1' }).uncheck();
    await inEurope;
    await expect(page).toHaveURL(/[?&]region=eu-west-1(&|$)/);
    await page.keyboard.press('Escape');
    await expect(table.cells('region').first()).toHaveText('eu-west-1');

    await page.goBack();
    await expect(page).not.toHaveURL(/region=/);
    await expect(table.filterButton('Region')).toHaveAccessibleName('Region filter: All');
  });

  test('an unknown account or region in a link is named, ignored and dropped', async ({ page }) => {
    const table = new TablePage(page, 'images');
    const first = await table.open('account=prod,nope&region=mars-north-1');
    await expect(table.urlIssues).toContainText('account=prod,nope');
    await expect(table.urlIssues).toContainText('nope');
    await expect(table.urlIssues).toContainText('region=mars-north-1');
    const params = new URL(await first.url()).searchParams;
    expect(params.get('Accounts')).toBe('prod');
    expect(params.has('Regions')).toBe(false);
    await expect(page).toHaveURL(/[?&]account=prod(&|$)/);
    await expect(page).not.toHaveURL(/region=/);
  });

  test("a row's details come from its own account and region", async ({ page }) => {
    const table = new TablePage(page, 'images');
    await table.open('account=staging&region=eu-west-1');
    await expect(table.cells('account').first()).toHaveText('staging');
    const id = (await table.rowIds())[0] ?? '';
    expect(id).toContain(`:eu-west-1:${STAGING}:`);
    const described = page.waitForResponse((response) => response.url().includes('/api/details/images'));
    await table.rows
      .first()
      .getByRole('button', { name: /^Details/ })
      .click();
    const answer = await described;
    const params = new URL(answer.url()).searchParams;
    expect(params.get('Account')).toBe('staging');
    expect(params.get('Region')).toBe('eu-west-1');
    // The Describe call went to staging in eu-west-1: its answer is that account's image, not another's.
    const { item } = z.object({ item: z.object({ ImageArn: z.string() }) }).parse(await answer.json());
    expect(item.ImageArn).toBe(id);
    const panel = page.getByTestId('details-panel');
    await expect(panel.getByRole('region', { name: 'More details' })).toContainText('DescribeImage');
    await expect(panel).toContainText('staging');
    await expect(panel.getByTestId('details-more')).toBeVisible();
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    for (const query of ['chart=off', '']) {
      test(`the selector and the failing-source chip fit the screen${query === '' ? ', the chart shown' : ''}`, async ({
        page,
      }) => {
        const table = new TablePage(page, 'images');
        await table.open(query);
        await table.rowIds();
        const chip = page.getByTestId('source-status');
        await expect(chip).toHaveCount(1);
        for (const control of [table.filterButton('Account'), table.filterButton('Region'), chip]) {
          const box = await control.boundingBox();
          expect(box).not.toBeNull();
          expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 390).toBe(true);
        }
        await table.filterButton('Region').tap();
        await page.getByRole('checkbox', { name: 'eu-west-1' }).tap();
        await expect(page).toHaveURL(/[?&]region=us-east-1(&|$)/);
        if (query === '') await expect(page.getByTestId('time-histogram')).toBeVisible();
        const widths = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(widths).toBeLessThanOrEqual(390);
      });
    }
  });
});
