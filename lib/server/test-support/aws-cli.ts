import { execFile } from 'node:child_process';
import { z } from 'zod';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY } from '@/lib/emulator';
import { TEST_REGION } from './harness';

const AWS = '/usr/bin/aws';

const cliListing = z.record(z.string(), z.unknown());

/** Runs an auto-paginating `aws sagemaker <command>` against the endpoint and returns the items under `resultKey`. */
export function awsCliList(endpoint: string, command: string, args: string[], resultKey: string): Promise<unknown[]> {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    AWS_PAGER: '',
    AWS_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: DEFAULT_SECRET_ACCESS_KEY,
    AWS_DEFAULT_REGION: TEST_REGION,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
  const argv = ['--endpoint-url', endpoint, '--output', 'json', 'sagemaker', command, ...args];
  return new Promise((resolve, reject) => {
    execFile(AWS, argv, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error !== null) {
        reject(new Error(`aws ${argv.join(' ')} failed: ${stderr}`));
        return;
      }
      const items = cliListing.parse(JSON.parse(stdout))[resultKey];
      resolve(z.array(z.unknown()).parse(items));
    });
  });
}
