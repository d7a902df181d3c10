import type { ScopeIds } from './types';

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export function arnPrefix({ accountId, region }: ScopeIds): string {
  return `arn:${partitionOf(region)}:sagemaker:${region}:${accountId}`;
}
