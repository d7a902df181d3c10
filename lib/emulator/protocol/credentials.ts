import { createHash } from 'node:crypto';

export interface Credential {
  accessKeyId: string;
  secretAccessKey: string;
  accountId: string;
  sessionToken?: string;
}

export type CredentialInput = Omit<Credential, 'accountId'> & { accountId?: string };

export function deriveAccountId(accessKeyId: string): string {
  const digest = createHash('sha256').update(`sagemaker-emulator:${accessKeyId}`).digest();
  const value = digest.readBigUInt64BE(0) % 1_000_000_000_000n;
  return value.toString().padStart(12, '0');
}

export class CredentialStore {
  private readonly byKey = new Map<string, Credential>();

  constructor(entries: readonly CredentialInput[]) {
    for (const entry of entries) {
      this.byKey.set(entry.accessKeyId, {
        ...entry,
        accountId: entry.accountId ?? deriveAccountId(entry.accessKeyId),
      });
    }
  }

  find(accessKeyId: string): Credential | undefined {
    return this.byKey.get(accessKeyId);
  }

  first(): Credential | undefined {
    return this.byKey.values().next().value;
  }
}
