import 'server-only';

const SPACE = 'sagemaker-catalog:';

/**
 * One value per server process, created on first use. Next bundles each page and route handler separately,
 * and a module bundled twice has its state twice; state every request must share (caches, calls in flight,
 * stored cursors, clients and their concurrency lanes, metrics) lives here, on globalThis, under `name`.
 */
export function processWide<T extends object>(name: string, create: () => T): T {
  const store = globalThis as typeof globalThis & Record<symbol, unknown>;
  const key = Symbol.for(SPACE + name);
  let value = store[key] as T | undefined;
  if (value === undefined) {
    value = create();
    store[key] = value;
  }
  return value;
}
