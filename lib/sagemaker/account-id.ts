import 'server-only';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { processWide } from '@/lib/config/process-wide';
import type { CatalogAccount } from '@/lib/config/sources';
import { credentialsOf } from './client';

const LEARN_TIMEOUT_MS = 3_000;
const RETRY_AFTER_MS = 60_000;

interface Learning {
  at: number;
  id: Promise<string | undefined>;
  /** The id once learned. */
  value?: string | undefined;
  failed: boolean;
}

const learned = processWide('account-ids', () => new Map<string, Learning>());

async function ask(account: CatalogAccount): Promise<string | undefined> {
  const region = account.regions[0];
  const credentials = credentialsOf(account, region);
  const client = new STSClient({
    ...(region === undefined ? {} : { region }),
    ...(credentials === undefined ? {} : { credentials }),
    maxAttempts: 2,
  });
  try {
    const answer = await client.send(new GetCallerIdentityCommand({}), {
      abortSignal: AbortSignal.timeout(LEARN_TIMEOUT_MS),
    });
    return answer.Account;
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}

/**
 * The 12-digit id of an account: from its role ARN, or learned once with STS GetCallerIdentity (for display and
 * for `Accounts=<id>`); undefined while STS cannot be asked, and asked again a minute later.
 */
export function accountIdOf(account: CatalogAccount, now = Date.now()): Promise<string | undefined> {
  if (account.accountId !== undefined) return Promise.resolve(account.accountId);
  const known = learned.get(account.name);
  if (known !== undefined && !(known.failed && now - known.at >= RETRY_AFTER_MS)) return known.id;
  const learning: Learning = { at: now, id: ask(account), failed: false };
  void learning.id.then((id) => {
    learning.value = id;
    learning.failed = id === undefined;
  });
  learned.set(account.name, learning);
  return learning.id;
}

export function resetAccountIdsForTests(): void {
  learned.clear();
}

/**
 * The account's id if it is known now, without waiting: what listings and pages show. Asks STS in the background
 * the first time (and a minute after a failure), so the id shows once it is learned and no answer waits on STS.
 */
export function knownAccountId(account: CatalogAccount, now = Date.now()): string | undefined {
  if (account.accountId !== undefined) return account.accountId;
  void accountIdOf(account, now);
  return learned.get(account.name)?.value;
}
