import type { APIRequestContext } from '@playwright/test';
import type { ResourceId } from '@/lib/resources/registry';
import { apiAll } from './api';
import type { SuiteConfig } from './table-suite';

async function groupsBySize(request: APIRequestContext): Promise<{ large: string; other: string }> {
  const packages = await apiAll(request, '/api/model-packages', { ModelPackageType: 'Versioned' });
  const counts = new Map<string, number>();
  // Over several sources a group's packages are listed by each: one of them must need a second page too.
  const perSource = new Map<string, number>();
  for (const item of packages) {
    const group = String(item.ModelPackageGroupName);
    counts.set(group, (counts.get(group) ?? 0) + 1);
    const key = `${group}|${String(item.AccountName)}|${String(item.Region)}`;
    perSource.set(key, (perSource.get(key) ?? 0) + 1);
  }
  const pages = (group: string) => [...perSource].some(([key, count]) => key.startsWith(`${group}|`) && count > 100);
  const large = [...counts].find(([group, count]) => count > 100 && count < 600 && pages(group))?.[0];
  const other = [...counts.keys()].find((group) => group !== large);
  if (large === undefined || other === undefined)
    throw new Error('the emulator catalog has no group with 100 to 500 packages');
  return { large, other };
}

/** The shared table suite's data for every listing of the registry: adding a listing means adding its data. */
export const SUITES: Record<ResourceId, SuiteConfig> = {
  images: {
    serverSort: { id: 'name', label: 'Name' },
    browserSort: { id: 'status', label: 'Status' },
    data: async () => ({
      listing: 'order=desc',
      deepLink: 'name=gpu&modified=P365D&sort=name&order=asc',
      text: { name: 'gpu' },
    }),
  },
  'image-versions': {
    serverSort: { id: 'version', label: 'Version' },
    browserSort: { id: 'status', label: 'Status' },
    data: async (request) => {
      for (const image of await apiAll(request, '/api/images')) {
        const name = String(image.ImageName);
        const versions = await apiAll(request, `/api/images/${encodeURIComponent(name)}/versions`);
        if (versions.length > 100 && versions.length < 500) {
          return {
            params: { ImageName: name },
            listing: 'order=desc',
            deepLink: 'created=2020-01-01T00:00:00Z/..&sort=version&order=asc',
            text: {},
          };
        }
      }
      throw new Error('the emulator catalog has no image with 100 to 500 versions');
    },
  },
  'model-package-groups': {
    serverSort: { id: 'name', label: 'Name' },
    browserSort: { id: 'status', label: 'Status' },
    data: async () => ({
      listing: 'order=desc',
      deepLink: 'name=churn&created=2020-01-01T00:00:00Z/..&sort=name&order=asc',
      text: { name: 'churn' },
    }),
  },
  'model-packages': {
    serverSort: { id: 'name', label: 'Name' },
    browserSort: { id: 'status', label: 'Status' },
    data: async (request) => {
      const { large: group, other } = await groupsBySize(request);
      return {
        listing: `group=${group}`,
        deepLink: `group=${group}&type=versioned&created=2020-01-01T00:00:00Z/..&sort=created&order=asc`,
        text: { name: group.split('-')[0] ?? group, group: other },
      };
    },
  },
};
