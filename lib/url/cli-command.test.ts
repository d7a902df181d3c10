import { describe, expect, it } from 'vitest';
import { kebabCase } from '@/lib/resources/derive';
import { awsCliCommand, cliQuery, shellQuote } from './cli-command';

const aws = { region: 'eu-west-1', endpoint: null };

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
        aws,
      ),
    ).toBe(
      'aws sagemaker list-model-packages --model-package-group-name churn --model-package-type Both ' +
        '--creation-time-after 2026-03-03T12:00:00Z --sort-by Name --sort-order Ascending --region eu-west-1',
    );
  });

  it('leaves paging to the CLI and omits an unknown region', () => {
    expect(
      awsCliCommand(
        'list-images',
        { MaxResults: '100', NextToken: 'abc', SortBy: 'IMAGE_NAME' },
        { ...aws, region: null },
      ),
    ).toBe('aws sagemaker list-images --sort-by IMAGE_NAME');
  });

  it('sends the calls to the configured endpoint, as the dashboard does', () => {
    expect(awsCliCommand('list-images', {}, { region: 'us-east-1', endpoint: 'https://vpce-1.example/api' })).toBe(
      'aws sagemaker list-images --region us-east-1 --endpoint-url https://vpce-1.example/api',
    );
  });

  it('keeps what the table filters in the browser with a --query', () => {
    const query = cliQuery('Images', [
      { field: 'ImageStatus', values: ['CREATED', 'CREATE_FAILED'] },
      { field: 'Other', values: [] },
    ]);
    expect(query).toBe('Images[?contains(`["CREATED","CREATE_FAILED"]`, ImageStatus)]');
    expect(awsCliCommand('list-images', {}, aws, query)).toBe(
      `aws sagemaker list-images --query 'Images[?contains(\`["CREATED","CREATE_FAILED"]\`, ImageStatus)]' --region eu-west-1`,
    );
    expect(cliQuery('Images', [{ field: 'ImageStatus', values: [] }])).toBeUndefined();
  });

  it('quotes values for the shell', () => {
    expect(shellQuote("it's here")).toBe(`'it'\\''s here'`);
    expect(shellQuote('tf-2.13')).toBe('tf-2.13');
    expect(kebabCase('LastModifiedTimeBefore')).toBe('last-modified-time-before');
    expect(kebabCase('ImageName')).toBe('image-name');
  });
});
