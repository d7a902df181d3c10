import 'server-only';
import { serverEnv } from './env';

export interface BackendInfo {
  kind: 'emulator' | 'aws' | 'custom';
  region: string | null;
  endpoint: string | null;
  label: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1', '0.0.0.0']);

function isLoopback(endpoint: string): boolean {
  const host = new URL(endpoint).hostname;
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

export function getBackendInfo(): BackendInfo {
  const { region, endpoint } = backendTarget();
  const where = region ?? 'no region';
  if (endpoint === null) return { kind: 'aws', region, endpoint, label: `AWS · ${where}` };
  if (isLoopback(endpoint)) return { kind: 'emulator', region, endpoint, label: `Emulator · ${where}` };
  return { kind: 'custom', region, endpoint, label: `${new URL(endpoint).host} · ${where}` };
}
