import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY } from '@/lib/emulator/config';
import { e2eEnv } from './playwright.config';

export interface Credentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken?: string;
}

const DEFAULT_CREDENTIALS: Credentials = {
  AccessKeyId: DEFAULT_ACCESS_KEY_ID,
  SecretAccessKey: DEFAULT_SECRET_ACCESS_KEY,
};

/** Runs a copied `aws sagemaker …` command in a shell, as a user would paste it, with Debian's AWS CLI v2. */
export function runPasted(command: string, credentials = DEFAULT_CREDENTIALS): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      ['-c', command.replace(/^aws /gm, '/usr/bin/aws ')],
      {
        env: {
          NODE_ENV: 'test',
          HOME: '/tmp',
          PATH: '/usr/bin:/bin',
          AWS_ACCESS_KEY_ID: credentials.AccessKeyId,
          AWS_SECRET_ACCESS_KEY: credentials.SecretAccessKey,
          ...(credentials.SessionToken === undefined ? {} : { AWS_SESSION_TOKEN: credentials.SessionToken }),
          AWS_PAGER: '',
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        },
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => (error ? reject(new Error(`${command}: ${stderr}`)) : resolve(stdout)),
    );
  });
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const sourcesFile = z.object({
  accounts: z.array(z.object({ name: z.string(), roleArn: z.string(), externalId: z.string().optional() })),
});

/** The credentials a user of one of the merged accounts has: its role, assumed through the emulator's STS. */
export async function assumedCredentials(emulatorUrl: string, account: string): Promise<Credentials | undefined> {
  const file = sourcesFile.parse(JSON.parse(readFileSync(resolve(ROOT, e2eEnv.sourcesFile), 'utf8')));
  const entry = file.accounts.find((candidate) => candidate.name === account);
  if (entry === undefined) throw new Error(`no account ${account} in ${e2eEnv.sourcesFile}`);
  if (entry.roleArn === e2eEnv.refusedRole) return undefined;
  const externalId = entry.externalId === undefined ? '' : ` --external-id ${entry.externalId}`;
  const answer = await runPasted(
    `aws sts assume-role --role-arn ${entry.roleArn} --role-session-name e2e${externalId} --region us-east-1 --endpoint-url ${emulatorUrl}`,
  );
  return z.object({ Credentials: z.custom<Credentials>() }).parse(JSON.parse(answer)).Credentials;
}

/**
 * Runs each source's command of a merged listing's copy (`# <account> (<id>), <region>` then the command) with
 * that account's credentials; the refusing account's is left out, as the table leaves it out.
 */
export async function runPastedPerSource(emulatorUrl: string, pasted: string): Promise<Record<string, unknown>[]> {
  const blocks = pasted.split(/^(?=# )/m).filter((block) => block.trim() !== '');
  const items: Record<string, unknown>[] = [];
  for (const block of blocks) {
    const [heading = '', ...lines] = block.trim().split('\n');
    const account = /^# ([a-z0-9-]+)/.exec(heading)?.[1];
    if (account === undefined || lines.length !== 1) throw new Error(`not a per-source command: ${block}`);
    const credentials = await assumedCredentials(emulatorUrl, account);
    if (credentials === undefined) continue;
    let output: string;
    try {
      output = await runPasted(lines.join(''), credentials);
    } catch (error) {
      // An image only some accounts have: the others answer that it does not exist, and the table leaves them out.
      if (error instanceof Error && error.message.includes('(ResourceNotFound)')) continue;
      throw error;
    }
    items.push(...z.array(z.record(z.string(), z.unknown())).parse(JSON.parse(output)));
  }
  return items;
}
