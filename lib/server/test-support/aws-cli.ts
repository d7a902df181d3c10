import { z } from 'zod';
import { runAwsCli } from '@/lib/emulator/test-support/aws-cli';
import { TEST_REGION } from './harness';

const cliListing = z.record(z.string(), z.unknown());

export interface CliIdentity {
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
}

/** Runs an auto-paginating `aws sagemaker <command>` against the endpoint and returns the items under `resultKey`. */
export async function awsCliList(
  endpoint: string,
  command: string,
  args: string[],
  resultKey: string,
  identity: CliIdentity = {},
): Promise<unknown[]> {
  const result = await runAwsCli({
    endpoint,
    args: [command, ...args],
    ...identity,
    region: identity.region ?? TEST_REGION,
  });
  if (result.code !== 0) throw new Error(`aws sagemaker ${command} ${args.join(' ')} failed: ${result.stderr}`);
  const items = cliListing.parse(JSON.parse(result.stdout))[resultKey];
  return z.array(z.unknown()).parse(items);
}
