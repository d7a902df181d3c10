import { createHash, randomBytes } from 'node:crypto';

export interface Credential {
  accessKeyId: string;
  secretAccessKey: string;
  accountId: string;
  sessionToken?: string;
  /** Temporary credentials stop working at this time (epoch ms). */
  expiresAt?: number;
  /** Who signs with this key, as GetCallerIdentity and AccessDenied messages name it. */
  principalArn?: string;
}

export type CredentialInput = Omit<Credential, 'accountId' | 'expiresAt' | 'principalArn'> & { accountId?: string };

export function deriveAccountId(accessKeyId: string): string {
  const digest = createHash('sha256').update(`sagemaker-emulator:${accessKeyId}`).digest();
  const value = digest.readBigUInt64BE(0) % 1_000_000_000_000n;
  return value.toString().padStart(12, '0');
}

/** The ARN of the long-term identity behind a key, `arn:aws:iam::<account>:user/emulator`. */
export function principalOf(credential: Credential): string {
  return credential.principalArn ?? `arn:aws:iam::${credential.accountId}:user/emulator`;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function randomKeyId(prefix: string): string {
  const bytes = randomBytes(16);
  return prefix + Array.from(bytes, (byte) => KEY_ALPHABET[byte % KEY_ALPHABET.length]).join('');
}

export interface TemporaryCredential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number;
}

/** Temporary keys expire; this many stay remembered at most, the oldest forgotten first. */
const MAX_TEMPORARY = 10_000;

export class CredentialStore {
  private readonly byKey = new Map<string, Credential>();
  private readonly temporary: string[] = [];

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

  /** Issues temporary credentials (an `ASIA…` key with a session token) for a role session in `accountId`. */
  issue(accountId: string, principalArn: string, expiresAt: number): TemporaryCredential {
    const issued: TemporaryCredential = {
      accessKeyId: randomKeyId('ASIA'),
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `IQoJb3JpZ2luX2VtdWxhdG9y${randomBytes(96).toString('base64')}`,
      expiresAt,
    };
    this.byKey.set(issued.accessKeyId, { ...issued, accountId, principalArn });
    this.temporary.push(issued.accessKeyId);
    if (this.temporary.length > MAX_TEMPORARY) this.byKey.delete(this.temporary.shift() ?? '');
    return issued;
  }
}
