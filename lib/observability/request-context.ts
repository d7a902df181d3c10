import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

/** The proxy request an upstream call is made for, so the call's audit line can name it. */
export interface RequestContext {
  requestId: string;
  user: string | null;
  route: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function withRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage.run(context, run);
}

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}
