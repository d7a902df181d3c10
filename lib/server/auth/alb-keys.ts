import 'server-only';
import { importSPKI, type CryptoKey } from 'jose';
import { AuthError } from './identity';

const KID = /^[A-Za-z0-9-]{1,128}$/;
const MAX_KEYS = 64;
const FETCH_TIMEOUT_MS = 5_000;
const keys = new Map<string, Promise<CryptoKey>>();

export function albKeyBaseUrl(region: string, configured: string | undefined): string {
  return (configured ?? `https://public-keys.auth.elb.${region}.amazonaws.com`).replace(/\/+$/, '');
}

async function fetchKey(url: string): Promise<CryptoKey> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw new AuthError('unavailable', 'The load balancer signing key cannot be fetched.', { cause: error });
  }
  if (response.status === 403 || response.status === 404) {
    throw new AuthError('unknown-key', 'The identity assertion is signed by an unknown load balancer key.');
  }
  if (!response.ok) throw new AuthError('unavailable', `The load balancer key endpoint answered ${response.status}.`);
  try {
    return await importSPKI(await response.text(), 'ES256');
  } catch (error) {
    throw new AuthError('unavailable', 'The load balancer key endpoint returned no ES256 public key.', {
      cause: error,
    });
  }
}

/** The ALB public key for a key id, fetched once as PEM and kept; failures are not kept. */
export function albPublicKey(baseUrl: string, kid: string): Promise<CryptoKey> {
  if (!KID.test(kid)) return Promise.reject(new AuthError('invalid', 'The identity assertion has a malformed key id.'));
  const url = `${baseUrl}/${kid}`;
  const known = keys.get(url);
  if (known !== undefined) return known;
  const loading = fetchKey(url);
  keys.set(url, loading);
  loading.catch(() => keys.delete(url));
  if (keys.size > MAX_KEYS) {
    const oldest = keys.keys().next().value;
    if (oldest !== undefined) keys.delete(oldest);
  }
  return loading;
}

export function resetAlbKeysForTests(): void {
  keys.clear();
}
