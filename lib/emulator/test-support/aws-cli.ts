import { execFile } from 'node:child_process';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY } from '../index';

/** Debian's AWS CLI v2; an older v1 may come first on PATH, so it is called by its full path. */
export const AWS_CLI = '/usr/bin/aws';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliCall {
  endpoint: string;
  /** Arguments after `aws <service>`. */
  args: readonly string[];
  region: string;
  /** `sagemaker` unless given. */
  service?: 'sagemaker' | 'sts';
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  maxAttempts?: number;
  timeoutMs?: number;
}

/** Runs `aws sagemaker …` (or `aws sts …`) against an endpoint, isolated from the user's AWS configuration. */
export function runAwsCli(call: CliCall): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    AWS_PAGER: '',
    AWS_ACCESS_KEY_ID: call.accessKeyId ?? DEFAULT_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: call.secretAccessKey ?? DEFAULT_SECRET_ACCESS_KEY,
    ...(call.sessionToken === undefined ? {} : { AWS_SESSION_TOKEN: call.sessionToken }),
    AWS_DEFAULT_REGION: call.region,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    ...(call.maxAttempts === undefined ? {} : { AWS_MAX_ATTEMPTS: String(call.maxAttempts) }),
  };
  const argv = ['--endpoint-url', call.endpoint, '--output', 'json', call.service ?? 'sagemaker', ...call.args];
  return new Promise((resolve) => {
    execFile(
      AWS_CLI,
      argv,
      { env, timeout: call.timeoutMs ?? 60_000, maxBuffer: 256 * 1024 ** 2 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
