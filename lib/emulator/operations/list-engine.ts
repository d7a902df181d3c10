import type { Catalog, ScopeIds } from '../catalog/types';
import type { NextTokenCodec } from '../protocol/next-token';
import { parseInput } from '../protocol/validation';
import type { ListOperation, PageInput } from './operation';

export type PagingMode = 'scan' | 'exact';

export interface ListContext {
  catalog: Catalog;
  ids: ScopeIds;
  tokens: NextTokenCodec;
  paging: PagingMode;
}

export type ListHandler = (context: ListContext, body: Record<string, unknown>) => Record<string, unknown>;

interface Page<Item> {
  items: Item[];
  next: number | undefined;
}

/** The real service filters each scanned window, so pages can be short or empty and still carry a token. */
function scanPage<Item>(
  sorted: readonly Item[],
  start: number,
  size: number,
  matches: (i: Item) => boolean,
): Page<Item> {
  const end = start + size;
  return { items: sorted.slice(start, end).filter(matches), next: end < sorted.length ? end : undefined };
}

function exactPage<Item>(
  sorted: readonly Item[],
  start: number,
  size: number,
  matches: (i: Item) => boolean,
): Page<Item> {
  const items: Item[] = [];
  let index = start;
  for (; index < sorted.length && items.length < size; index += 1) {
    const item = sorted[index];
    if (item !== undefined && matches(item)) items.push(item);
  }
  while (index < sorted.length) {
    const item = sorted[index];
    if (item !== undefined && matches(item)) return { items, next: index };
    index += 1;
  }
  return { items, next: undefined };
}

export function createListHandler<Input extends PageInput, Item>(operation: ListOperation<Input, Item>): ListHandler {
  const cache = new WeakMap<Catalog, Map<string, readonly Item[]>>();

  const sortedScope = (catalog: Catalog, query: Input): readonly Item[] => {
    const scope = operation.scope(catalog, query);
    const order = operation.order(query);
    const key = `${catalog.revision}|${scope.key}|${order.key}`;
    const perCatalog = cache.get(catalog) ?? new Map<string, readonly Item[]>();
    cache.set(catalog, perCatalog);
    const cached = perCatalog.get(key);
    if (cached) return cached;
    const sorted = [...scope.items].sort(order.compare);
    perCatalog.set(key, sorted);
    return sorted;
  };

  return (context, body) => {
    const input = parseInput(operation.input, body);
    const { MaxResults, NextToken, ...query } = input;
    const binding = JSON.stringify([operation.name, context.ids.accountId, context.ids.region, context.paging, query]);
    const start = NextToken ? context.tokens.read(NextToken, binding) : 0;
    const sorted = sortedScope(context.catalog, input);
    const seek = context.paging === 'scan' ? operation.seek?.(input) : undefined;
    const scanned = seek === undefined ? sorted : sorted.filter(seek);
    const paginate = context.paging === 'scan' ? scanPage : exactPage;
    const page = paginate(scanned, start, MaxResults ?? operation.defaultMaxResults, operation.matches(input));
    return {
      [operation.resultKey]: page.items.map(operation.toWire),
      ...(page.next === undefined ? {} : { NextToken: context.tokens.issue(binding, page.next) }),
    };
  };
}
