import { expect, test } from './fixtures';
import { TablePage } from './pages/table-page';

interface Stats {
  byOperation: Record<string, number>;
}

test('an upstream slower than the page waits for leaves the rows to the browser, which joins the call in flight', async ({
  page,
  request,
  emulator,
}) => {
  await emulator.reset();
  await emulator.setFaults({ latencyMs: 4_000, operations: ['ListImages'] });
  const table = new TablePage(page, 'images');
  // A start no other test uses, so the proxy has no answer for it yet.
  const start = new Date(Date.UTC(2001, 0, 1) + (Date.now() % 86_400_000)).toISOString().replace('.000Z', 'Z');
  const asked = table.nextListRequest((params) => !params.has('NextToken'));
  const opened = Date.now();
  await table.open(`created=${start}/..`);
  expect(Date.now() - opened, 'the page came before the upstream answer').toBeLessThan(4_000);
  await expect(page.getByRole('heading', { level: 1, name: 'Images' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Loading rows' })).toBeVisible();
  const after = new URL((await asked).url()).searchParams.get('CreationTimeAfter');
  expect(Date.parse(after ?? '')).toBe(Date.parse(start));
  expect((await table.rowIds()).length).toBeGreaterThan(0);
  const stats = (await (await request.get(`${emulator.url}/_emulator/stats`)).json()) as Stats;
  expect(stats.byOperation.ListImages, 'the page and the browser asked upstream once between them').toBe(1);
});
