import { createHash } from 'node:crypto';
import { z } from 'zod';
import { principalOf, type Credential, type CredentialStore } from '../protocol/credentials';
import { ServiceError } from '../protocol/errors';
import type { XmlValue } from '../protocol/query';
import { parseInput, text } from '../protocol/validation';

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
export const STS_VERSION = '2011-06-15';

/** The role ARN form STS accepts: the account it names is the one the session acts in. */
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;

const durationSeconds = z
  .string()
  .regex(/^\d+$/, 'Member must be an integer')
  .transform(Number)
  .pipe(
    z
      .number()
      .min(900, 'Member must have value greater than or equal to 900')
      .max(43200, 'Member must have value less than or equal to 43200'),
  );

const assumeRoleInput = z.object({
  RoleArn: text({ min: 20, max: 2048 }),
  RoleSessionName: text({ min: 2, max: 64, pattern: '[\\w+=,.@-]*' }),
  DurationSeconds: durationSeconds.optional(),
  ExternalId: text({ min: 2, max: 1224, pattern: '[\\w+=,./@:-]*' }).optional(),
});

export interface StsContext {
  caller: Credential;
  credentials: CredentialStore;
  /** Role ARNs that exist; undefined means any well-formed role ARN can be assumed. */
  roles: ReadonlySet<string> | undefined;
  now: number;
}

type StsHandler = (context: StsContext, params: Record<string, string>) => Record<string, XmlValue | undefined>;

function idOf(prefix: string, seed: string): string {
  return prefix + createHash('sha256').update(seed).digest('hex').slice(0, 17).toUpperCase();
}

function assumeRole(context: StsContext, params: Record<string, string>): Record<string, XmlValue | undefined> {
  const input = parseInput(assumeRoleInput, params);
  const match = ROLE_ARN.exec(input.RoleArn);
  if (match === null) throw new ServiceError('ValidationError', 400, `${input.RoleArn} is invalid`);
  const [, accountId = '', , roleName = ''] = match;
  if (context.roles !== undefined && !context.roles.has(input.RoleArn)) {
    throw new ServiceError(
      'AccessDenied',
      403,
      `User: ${principalOf(context.caller)} is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`,
    );
  }
  const sessionArn = `arn:aws:sts::${accountId}:assumed-role/${roleName}/${input.RoleSessionName}`;
  const expiresAt = context.now + (input.DurationSeconds ?? 3600) * 1000;
  const issued = context.credentials.issue(accountId, sessionArn, expiresAt);
  return {
    Credentials: {
      AccessKeyId: issued.accessKeyId,
      SecretAccessKey: issued.secretAccessKey,
      SessionToken: issued.sessionToken,
      Expiration: new Date(expiresAt).toISOString(),
    },
    AssumedRoleUser: {
      AssumedRoleId: `${idOf('AROA', input.RoleArn)}:${input.RoleSessionName}`,
      Arn: sessionArn,
    },
  };
}

function getCallerIdentity({ caller }: StsContext): Record<string, XmlValue | undefined> {
  const arn = principalOf(caller);
  const session = arn.includes(':assumed-role/') ? arn.slice(arn.lastIndexOf('/') + 1) : undefined;
  const userId =
    session === undefined ? idOf('AIDA', arn) : `${idOf('AROA', arn.slice(0, arn.lastIndexOf('/')))}:${session}`;
  return { UserId: userId, Account: caller.accountId, Arn: arn };
}

export const STS_OPERATIONS: ReadonlyMap<string, StsHandler> = new Map([
  ['AssumeRole', assumeRole],
  ['GetCallerIdentity', getCallerIdentity],
]);
