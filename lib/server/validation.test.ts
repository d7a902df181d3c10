import { describe, expect, it } from 'vitest';
import { errorReply } from './test-support/replies';
import type { ResourceId } from '@/lib/resources/registry';
import { callRoute } from './test-support/routes';

async function rejected(route: ResourceId, query: string, path: Record<string, string> = {}) {
  const reply = await callRoute(route, query, path);
  expect(reply.status).toBe(400);
  const { error } = errorReply.parse(reply.body);
  expect(error.code).toBe('InvalidParameter');
  return error;
}

describe('request validation (answered before any upstream call)', () => {
  it.each<[ResourceId, string, string]>([
    ['images', 'NameContains=a&NameContains=b', 'NameContains'],
    ['images', 'nameContains=tf', 'nameContains'],
    ['images', 'MaxResults=0', 'MaxResults'],
    ['images', 'MaxResults=1e2', 'MaxResults'],
    ['images', 'SortBy=Name', 'SortBy'],
    ['images', 'CreationTimeAfter=yesterday', 'CreationTimeAfter'],
    ['images', `NextToken=${'t'.repeat(9000)}`, 'NextToken'],
    ['images', 'NameContains=%E0%A4%A', 'NameContains'],
    ['images', '%E0%A4%A=1', '\uFFFD%A'],
    ['model-packages', 'SortOrder=ASCENDING', 'SortOrder'],
    ['model-packages', 'ModelApprovalStatus=APPROVED', 'ModelApprovalStatus'],
    ['model-packages', 'NameContains=churn.v2', 'NameContains'],
    ['model-packages', 'ModelPackageGroupName=bad_group', 'ModelPackageGroupName'],
    ['image-versions', 'SortBy=IMAGE_NAME', 'SortBy'],
    ['images', '__proto__=1', '__proto__'],
    ['images', 'constructor=1', 'constructor'],
    ['model-packages', 'toString=x', 'toString'],
    ['images', 'CreationTimeAfter=2026-02-30', 'CreationTimeAfter'],
    ['model-packages', 'CreationTimeBefore=2026-04-31T00:00:00Z', 'CreationTimeBefore'],
  ])('%s ?%s names %s', async (route, query, param) => {
    const error = await rejected(route, query, route === 'image-versions' ? { ImageName: 'tf' } : {});
    expect(error.param).toBe(param);
    expect(error.message.length).toBeGreaterThan(0);
  });

  it.each(['', 'a--b', '-x', 'x'.repeat(64), 'a/b', '../x'])('rejects ImageName %j', async (ImageName) => {
    expect((await rejected('image-versions', '', { ImageName })).param).toBe('ImageName');
  });
});
