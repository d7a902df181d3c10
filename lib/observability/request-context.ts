import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { processWide } from '@/lib/config/process-wide';

/** The proxy request an upstream call is made for, so the call's audit line can name it. */
export interface RequestContext {
  requestId: string;
  user: string | null;
  route: string;
}

// Shared by every bundle: the SDK clients that read it are shared too.
const storage = processWide('request-context', () => new AsyncLocalStorage<RequestContext>());

export function withRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage.run(context, run);
}

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}
