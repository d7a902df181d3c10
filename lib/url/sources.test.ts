import { describe, expect, it } from 'vitest';
import { resourceSpec } from '@/lib/resources/registry';
import { listApiParams } from './api-query';
import { awsCliCommandPerSource } from './cli-command';
import { selectedSources, type SourceChoices } from './sources';
import { readView } from './view';

const sources: SourceChoices = {
  accounts: [
    { name: 'prod', accountId: '111111111111', regions: ['us-east-1', 'eu-west-1'] },
    { name: 'dev', profile: 'ml-dev', regions: ['us-east-1'] },
  ],
  regions: ['us-east-1', 'eu-west-1'],
  several: true,
};
const spec = resourceSpec('images');
const read = (query: string) => {
  const params = new URLSearchParams(query);
  return readView(spec, (name) => params.get(name), sources);
};

describe('account= and region=', () => {
  it('reads configured names and account ids in the configured order, and sends them as Accounts and Regions', () => {
    const { values, issues, rewrites } = read('account=dev,111111111111&region=EU-WEST-1');
    expect(issues).toEqual([]);
    expect(values.account).toEqual(['prod', 'dev']);
    expect(rewrites).toEqual({ account: ['prod', 'dev'], region: ['eu-west-1'] });
    expect(listApiParams(spec, values)).toMatchObject({ Accounts: 'prod,dev', Regions: 'eu-west-1' });
  });

  it('names an unknown entry, keeps the sound ones, and sends nothing for a list with none', () => {
    const { values, issues, rewrites } = read('account=prod,nope&region=mars-north-1');
    expect(issues.map((issue) => issue.param)).toEqual(['account', 'region']);
    expect(issues[0]?.message).toContain('nope');
    expect(issues[0]?.message).toContain('prod, dev');
    expect(values.account).toEqual(['prod']);
    expect(rewrites).toEqual({ account: ['prod'] });
    const params = listApiParams(spec, values);
    expect(params.Accounts).toBe('prod');
    expect(params).not.toHaveProperty('Regions');
  });

  it('is not read at all without the configured sources', () => {
    const params = new URLSearchParams('account=prod');
    const { values, issues } = readView(spec, (name) => params.get(name));
    expect(values).not.toHaveProperty('account');
    expect(issues).toEqual([]);
  });
});

describe('the sources a view lists', () => {
  it('keeps every configured account × region the selection allows', () => {
    const all = selectedSources(sources, {}).map(({ account, region }) => `${account.name}/${region}`);
    expect(all).toEqual(['prod/us-east-1', 'prod/eu-west-1', 'dev/us-east-1']);
    const some = selectedSources(sources, read('region=us-east-1').values);
    expect(some.map(({ account }) => account.name)).toEqual(['prod', 'dev']);
  });

  it('gives one AWS CLI command per source, under a comment naming it, with its region and profile', () => {
    const text = awsCliCommandPerSource(
      'list-images',
      { SortBy: 'NAME' },
      { region: null, endpoint: null },
      selectedSources(sources, {}),
    );
    expect(text.split('\n')).toEqual([
      '# prod (111111111111), us-east-1',
      'aws sagemaker list-images --sort-by NAME --region us-east-1',
      '# prod (111111111111), eu-west-1',
      'aws sagemaker list-images --sort-by NAME --region eu-west-1',
      '# dev, us-east-1',
      'aws sagemaker list-images --sort-by NAME --profile ml-dev --region us-east-1',
    ]);
  });
});
