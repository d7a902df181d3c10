import { modelPackagesSpec } from '@/lib/resources/model-packages';
import { apiAll } from './api';
import { expect, test } from './fixtures';
import { ModelPackagesPage } from './pages/model-packages-page';
import { tableSuite } from './table-suite';

async function groupsBySize(request: Parameters<typeof apiAll>[0]): Promise<{ large: string; other: string }> {
  const packages = await apiAll(request, '/api/model-packages', { ModelPackageType: 'Versioned' });
  const counts = new Map<string, number>();
  for (const item of packages) {
    const group = String(item.ModelPackageGroupName);
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const large = [...counts].find(([, count]) => count > 100 && count < 500)?.[0];
  const other = [...counts.keys()].find((group) => group !== large);
  if (large === undefined || other === undefined)
    throw new Error('the emulator catalog has no group with 100 to 500 packages');
  return { large, other };
}

tableSuite({
  spec: modelPackagesSpec,
  serverSort: { id: 'name', label: 'Name' },
  browserSort: { id: 'status', label: 'Status' },
  data: async (request) => {
    const { large: group, other } = await groupsBySize(request);
    return {
      open: (page) => new ModelPackagesPage(page),
      listing: `group=${group}`,
      deepLink: `group=${group}&type=versioned&created=2020-01-01T00:00:00Z/..&sort=created&order=asc`,
      text: { name: group.split('-')[0] ?? group, group: other },
    };
  },
});

test('a package group opens the registry filtered by that group', async ({ page }) => {
  const packages = new ModelPackagesPage(page);
  await packages.open('type=versioned');
  const link = packages.cells('group').first().getByRole('link');
  const group = (await link.textContent()) ?? '';
  const filtered = packages.nextListRequest((params) => params.get('ModelPackageGroupName') === group);
  await link.click();
  await filtered;
  await expect(page).toHaveURL(`/model-packages?group=${group}`);
  await expect(packages.filter('group')).toHaveValue(group);
});
