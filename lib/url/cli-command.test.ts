import { describe, expect, it } from 'vitest';
import { awsCliCommand, kebabCase, shellQuote } from './cli-command';

describe('awsCliCommand', () => {
  it('turns API members into CLI options and adds the region', () => {
    expect(
      awsCliCommand(
        'list-model-packages',
        {
          ModelPackageGroupName: 'churn',
          ModelPackageType: 'Both',
          CreationTimeAfter: '2026-03-03T12:00:00Z',
          SortBy: 'Name',
          SortOrder: 'Ascending',
        },
        'eu-west-1',
      ),
    ).toBe(
      'aws sagemaker list-model-packages --model-package-group-name churn --model-package-type Both ' +
        '--creation-time-after 2026-03-03T12:00:00Z --sort-by Name --sort-order Ascending --region eu-west-1',
    );
  });

  it('leaves paging to the CLI and omits an unknown region', () => {
    expect(awsCliCommand('list-images', { MaxResults: '100', NextToken: 'abc', SortBy: 'IMAGE_NAME' }, null)).toBe(
      'aws sagemaker list-images --sort-by IMAGE_NAME',
    );
  });

  it('quotes values for the shell', () => {
    expect(shellQuote("it's here")).toBe(`'it'\\''s here'`);
    expect(shellQuote('tf-2.13')).toBe('tf-2.13');
    expect(kebabCase('LastModifiedTimeBefore')).toBe('last-modified-time-before');
    expect(kebabCase('ImageName')).toBe('image-name');
  });
});
