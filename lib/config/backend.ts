import 'server-only';
import { serverEnv } from '@/lib/config/env';

export interface BackendInfo {
  kind: 'emulator' | 'aws' | 'custom';
  region: string | null;
  /** The configured endpoint without any userinfo, for `--endpoint-url`; null for AWS's own. */
  endpoint: string | null;
  /** The backend in a word: Emulator, AWS, or a custom endpoint's host. */
  name: string;
  /** Where the data comes from in a few words: a custom endpoint by its host only. */
  label: string;
  /** The same with the region, said on hover. */
  title: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1', '0.0.0.0']);

function isLoopback(url: URL): boolean {
  const host = url.hostname;
  return LOOPBACK_HOSTS.has(host) || host.startsWith('127.') || host.endsWith('.localhost');
}

/** The region and endpoint the SDK will use, as the SDK reads them from the environment. */
export function backendTarget(): { region: string | null; endpoint: string | null } {
  const env = serverEnv();
  return {
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? null,
    endpoint: env.AWS_ENDPOINT_URL_SAGEMAKER ?? env.AWS_ENDPOINT_URL ?? null,
  };
}

/** Where the data comes from, safe to show a signed-in user: an endpoint's userinfo never leaves the server. */
export function getBackendInfo(): BackendInfo {
  const { region, endpoint } = backendTarget();
  const where = region ?? 'no region';
  const inRegion = `region ${region ?? 'not set'}`;
  if (endpoint === null) {
    return { kind: 'aws', region, endpoint, name: 'AWS', label: `AWS · ${where}`, title: `AWS, ${inRegion}` };
  }
  const url = new URL(endpoint);
  url.username = '';
  url.password = '';
  const shown = url.pathname === '/' ? url.origin : `${url.origin}${url.pathname}`;
  const title = `Endpoint ${url.host}, ${inRegion}`;
  if (isLoopback(url)) {
    return { kind: 'emulator', region, endpoint: shown, name: 'Emulator', label: `Emulator · ${where}`, title };
  }
  return { kind: 'custom', region, endpoint: shown, name: url.host, label: `${url.host} · ${where}`, title };
}
