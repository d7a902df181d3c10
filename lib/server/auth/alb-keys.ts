import 'server-only';
import { importSPKI, type CryptoKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { AuthError } from './identity';
import { FailedFetches, FetchBudget, type Clock } from './key-fetch-limits';

const KID = /^[A-Za-z0-9-]{1,128}$/;
const MAX_KEYS = 64;
const NEW_KEYS_PER_MINUTE = 10;
const FETCH_TIMEOUT_MS = 5_000;

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

function createStore(clock: Clock) {
  return {
    keys: new LRUCache<string, Promise<CryptoKey>>({ max: MAX_KEYS }),
    failed: new FailedFetches(clock),
    budget: new FetchBudget(NEW_KEYS_PER_MINUTE, clock),
  };
}

let store = createStore(performance);

/**
 * The ALB public key for a key id, fetched once as PEM and kept. A failed fetch is answered from memory for a
 * while, and only a few new key ids are fetched per minute, so tokens with made-up key ids cost almost nothing.
 */
export function albPublicKey(baseUrl: string, kid: string): Promise<CryptoKey> {
  if (!KID.test(kid)) return Promise.reject(new AuthError('invalid', 'The identity assertion has a malformed key id.'));
  const url = `${baseUrl}/${kid}`;
  const { keys, failed, budget } = store;
  const known = keys.get(url);
  if (known !== undefined) return known;
  const failure = failed.recall(url);
  if (failure !== undefined) return Promise.reject(failure);
  if (!budget.take()) {
    return Promise.reject(
      new AuthError('unavailable', 'Too many new load balancer key ids were asked for in the last minute.'),
    );
  }
  const loading = fetchKey(url);
  keys.set(url, loading);
  loading.catch((error: unknown) => {
    keys.delete(url);
    if (error instanceof AuthError) failed.remember(url, error);
  });
  return loading;
}

export function resetAlbKeysForTests(clock: Clock = performance): void {
  store = createStore(clock);
}
