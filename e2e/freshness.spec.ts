import type { Locator } from '@playwright/test';
import { accountOf } from './api';
import { expect, test, type EmulatorControl } from './fixtures';
import { TablePage } from './pages/table-page';

const DAY_S = 86_400;

/** A model package group of its own, so the rows a test adds change no other test's listing. */
class Group {
  readonly name = `fresh-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
  private version = 0;

  constructor(
    private readonly emulator: EmulatorControl,
    private readonly account: string,
  ) {}

  private arn(kind: string, rest: string) {
    return `arn:aws:sagemaker:us-east-1:${this.account}:${kind}/${rest}`;
  }

  async create(): Promise<void> {
    await this.emulator.addItems({
      region: 'us-east-1',
      ModelPackageGroups: [
        {
          ModelPackageGroupName: this.name,
          ModelPackageGroupArn: this.arn('model-package-group', this.name),
          CreationTime: Date.now() / 1000 - 400 * DAY_S,
          ModelPackageGroupStatus: 'Completed',
        },
      ],
    });
  }

  /** Adds `count` versions, each newer than the last, the newest created `agoS` seconds ago. */
  async addVersions(count: number, agoS: number): Promise<string[]> {
    const now = Date.now() / 1000;
    const packages = Array.from({ length: count }, (_, index) => {
      this.version += 1;
      return {
        ModelPackageName: this.name,
        ModelPackageGroupName: this.name,
        ModelPackageVersion: this.version,
        ModelPackageArn: this.arn('model-package', `${this.name}/${this.version}`),
        CreationTime: now - agoS - (count - 1 - index) * 3600,
        ModelPackageStatus: 'Completed',
        ModelApprovalStatus: 'Approved',
      };
    });
    await this.emulator.addItems({ region: 'us-east-1', ModelPackages: packages });
    return packages.map((pkg) => pkg.ModelPackageArn);
  }
}

async function newGroup(emulator: EmulatorControl, request: Parameters<typeof accountOf>[0]): Promise<Group> {
  const group = new Group(emulator, await accountOf(request));
  await group.create();
  return group;
}

/** The first row whose top is at or below the top of the scroll box's rows, and how far below it is. */
async function firstVisibleRow(table: TablePage): Promise<{ id: string; offset: number }> {
  return table.scroller.evaluate((box) => {
    const header = box.querySelector('thead th')?.getBoundingClientRect().bottom ?? box.getBoundingClientRect().top;
    for (const row of box.querySelectorAll<HTMLElement>('tbody tr[data-row-id]')) {
      const top = row.getBoundingClientRect().top;
      if (top >= header - 1) return { id: row.dataset.rowId ?? '', offset: top - header };
    }
    return { id: '', offset: 0 };
  });
}

async function scrollToRow(table: TablePage, index: number): Promise<void> {
  await table.scroller.evaluate((box, rows) => {
    const height = box.querySelector<HTMLElement>('tbody tr[data-row-id]')?.offsetHeight ?? 30;
    box.scrollTo({ top: rows * height });
  }, index);
  await expect(table.rows.first()).toBeVisible();
}

async function expectTotal(count: Locator, total: number): Promise<void> {
  await expect(count).toContainText(`${total} total`);
}

test.describe('freshness', () => {
  test('says when the listing was loaded; Refresh keeps the rows shown and the row being read in place', async ({
    page,
    request,
    emulator,
  }) => {
    const group = await newGroup(emulator, request);
    await group.addVersions(60, 3 * DAY_S);
    const table = new TablePage(page, 'model-packages');
    await table.open(`group=${group.name}`);
    await expectTotal(table.count, 60);
    const updated = page.getByTestId('updated-at');
    await expect(updated).toHaveText('Updated just now');
    await expect(updated).toHaveAttribute('title', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} /);

    await scrollToRow(table, 20);
    const before = await firstVisibleRow(table);
    expect(before.id).toMatch(new RegExp(`/${group.name}/40$`));
    const added = await group.addVersions(2, 60);

    await emulator.setFaults({ latencyMs: 1500, operations: ['ListModelPackages'] });
    const refresh = page.getByRole('button', { name: /^Refresh/ });
    await refresh.click();
    await expect(refresh).toHaveText('Refreshing…');
    expect(await table.rows.count(), 'the rows shown stay while the new ones load').toBeGreaterThan(10);
    await expectTotal(table.count, 62);
    await expect(refresh).toHaveText('Refresh');

    const after = await firstVisibleRow(table);
    expect(after.id).toBe(before.id);
    expect(Math.abs(after.offset - before.offset)).toBeLessThanOrEqual(1);
    await table.scroller.evaluate((box) => box.scrollTo({ top: 0 }));
    expect((await table.rowIds()).slice(0, 2)).toEqual([...added].reverse());
  });

  test('refresh=30s polls for rows newer than the top one; "N new" brings them in without moving the rows', async ({
    page,
    request,
    emulator,
  }) => {
    const group = await newGroup(emulator, request);
    await group.addVersions(150, 2 * DAY_S);
    await page.clock.install();
    const table = new TablePage(page, 'model-packages');
    await table.open(`group=${group.name}&refresh=30s`);
    await expect(page.getByRole('combobox', { name: 'Auto-refresh' })).toHaveValue('30s');
    await expect(table.count).toContainText('100 loaded');
    await scrollToRow(table, 30);
    const before = await firstVisibleRow(table);

    const added = await group.addVersions(3, 30);
    const fresh = page.getByTestId('new-rows');
    await expect(async () => {
      await page.clock.fastForward('00:31');
      await expect(fresh).toHaveText('3 new', { timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    expect(await firstVisibleRow(table)).toEqual(before);

    await fresh.click();
    await expect(fresh).toBeHidden();
    await expectTotal(table.count, 153);
    const after = await firstVisibleRow(table);
    expect(after.id).toBe(before.id);
    expect(Math.abs(after.offset - before.offset)).toBeLessThanOrEqual(1);
    await table.scroller.evaluate((box) => box.scrollTo({ top: 0 }));
    expect((await table.rowIds()).slice(0, 3)).toEqual([...added].reverse());
  });

  test('a failed Refresh says so and keeps the rows and the time they were loaded', async ({
    page,
    request,
    emulator,
    consoleLog,
  }) => {
    consoleLog.allow(/status of 502/);
    const group = await newGroup(emulator, request);
    await group.addVersions(5, DAY_S);
    const table = new TablePage(page, 'model-packages');
    await table.open(`group=${group.name}`);
    await expectTotal(table.count, 5);
    const loadedAt = await page.getByTestId('updated-at').getAttribute('datetime');
    await emulator.setFaults({ errorRate: 1, operations: ['ListModelPackages'] });
    await page.getByRole('button', { name: /^Refresh/ }).click();
    const failure = page.getByTestId('refresh-error');
    await expect(failure).toContainText('Refresh failed');
    await expect(table.rows).toHaveCount(5);
    await expect(page.getByTestId('updated-at')).toHaveAttribute('datetime', loadedAt ?? '');
    await emulator.setFaults({});
    await failure.getByRole('button', { name: 'Retry' }).click();
    await expect(failure).toBeHidden();
    await expectTotal(table.count, 5);
  });

  test("with another sort, only rows the view's first page gains count as new", async ({ page, request, emulator }) => {
    const group = await newGroup(emulator, request);
    await group.addVersions(120, 5 * DAY_S);
    await page.clock.install();
    const table = new TablePage(page, 'model-packages');
    await table.open(`group=${group.name}&sort=created&order=asc&refresh=30s`);
    await expect(table.count).toContainText('100 loaded');
    await group.addVersions(2, 30);
    for (let poll = 0; poll < 3; poll += 1) {
      let polled = false;
      void table.nextListRequest((params) => params.get('SortOrder') === 'Ascending').then(() => (polled = true));
      // The poll starts once the first load has settled, which may be after the clock first moves on.
      await expect
        .poll(
          async () => {
            if (!polled) await page.clock.fastForward('00:31');
            return polled;
          },
          { timeout: 30_000 },
        )
        .toBe(true);
    }
    await expect(page.getByTestId('new-rows')).toBeHidden();
  });

  test('the auto-refresh choice goes into the URL, and off takes it out', async ({ page }) => {
    const table = new TablePage(page, 'images');
    await table.open();
    const choice = page.getByRole('combobox', { name: 'Auto-refresh' });
    await expect(choice).toHaveValue('');
    await choice.focus();
    await choice.selectOption('1m');
    await expect(page).toHaveURL(/[?&]refresh=1m(&|$)/);
    const polled = table.nextListRequest((params) => params.get('SortBy') === 'CREATION_TIME');
    await page.reload();
    await polled;
    await expect(choice).toHaveValue('1m');
    await choice.selectOption('');
    await expect(page).not.toHaveURL(/refresh=/);
    await page.goto(`${table.path}?refresh=5M`);
    await expect(page).toHaveURL(/[?&]refresh=5m(&|$)/);
    await expect(choice).toHaveValue('5m');
  });
});
