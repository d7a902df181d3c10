import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY } from '../lib/emulator/config';

const STATIC_DIR = join(fileURLToPath(new URL('..', import.meta.url)), process.env.NEXT_DIST_DIR || '.next', 'static');

const SERVER_ONLY_NAMES = [
  'AWS_SECRET_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SESSION_TOKEN',
  'EMULATOR_SECRET_ACCESS_KEY',
  'AUTH_HEADER_SECRET',
  'METRICS_TOKEN',
  'AUTH_JWKS_URL',
  'AUTH_ALB_ARN',
];

const FORBIDDEN: { label: string; pattern: RegExp }[] = [
  ...SERVER_ONLY_NAMES.map((name) => ({ label: name, pattern: new RegExp(`\\b${name}\\b`) })),
  {
    label: "the emulator's default secret key",
    pattern: new RegExp(DEFAULT_SECRET_ACCESS_KEY.replace(/[+/]/g, '\\$&')),
  },
  { label: "the emulator's default access key id", pattern: new RegExp(`\\b${DEFAULT_ACCESS_KEY_ID}\\b`) },
  { label: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA|AKID)[A-Z0-9]{12,}\b/ },
  { label: 'aws_secret', pattern: /aws_secret/i },
  { label: 'x-amz-security-token', pattern: /x-amz-security-token/i },
  { label: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
];

/** Secret values present while the tests run must not have been baked into the bundles either. */
const LIVE_SECRETS = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AUTH_HEADER_SECRET', 'METRICS_TOKEN']
  .map((name) => ({ name, value: process.env[name] }))
  .filter((entry): entry is { name: string; value: string } => entry.value !== undefined && entry.value.length >= 8);

function scripts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(dir, file));
}

test('the client bundles hold no credentials and no server-side variable names', () => {
  const files = scripts(STATIC_DIR);
  expect(files.length, `no built client scripts under ${STATIC_DIR}; run next build first`).toBeGreaterThan(0);
  const findings: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const { label, pattern } of FORBIDDEN) if (pattern.test(text)) findings.push(`${label} in ${file}`);
    for (const { name, value } of LIVE_SECRETS)
      if (text.includes(value)) findings.push(`the value of ${name} in ${file}`);
  }
  expect(findings).toEqual([]);
});
