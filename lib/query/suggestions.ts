import { queryOptions } from '@tanstack/react-query';
import { apiPath } from '@/lib/resources/derive';
import { parentOf } from '@/lib/resources/registry';
import { textProblem, type TextRule } from '@/lib/resources/constraints';
import type { ResourceSpec } from '@/lib/resources/types';
import { fetchListPage } from './fetch-page';

const SUGGESTIONS = 20;

/** Where a text filter that names a parent finds names to suggest: the parent's own list API. */
export interface SuggestionSource {
  parent: ResourceSpec;
  contains: string;
  /** What the parent's API takes as `contains`: its own text filter's rule. */
  rule: TextRule;
  nameField: string;
}

export function suggestionSource(spec: Pick<ResourceSpec, 'id'>, filterId: string): SuggestionSource | undefined {
  const relation = parentOf(spec.id);
  if (relation === undefined || !('filter' in relation.via) || relation.via.filter !== filterId) return undefined;
  const { lookup } = relation.parent;
  if (lookup === undefined) return undefined;
  const filter = relation.parent.filters.find(
    (candidate) => candidate.kind === 'text' && candidate.apiParam === lookup.contains,
  );
  if (filter?.kind !== 'text') return undefined;
  return { parent: relation.parent, contains: lookup.contains, rule: filter.rule, nameField: lookup.nameField };
}

/** The parent names that contain what was typed, when the parent's API would take it as its `contains`. */
export function suggestionsQuery(source: SuggestionSource, typed: string) {
  const usable = typed !== '' && textProblem(source.rule, typed) === null;
  return queryOptions({
    queryKey: ['suggest', source.parent.id, typed],
    enabled: usable,
    staleTime: 60_000,
    queryFn: async ({ signal }) => {
      const query = new URLSearchParams({ [source.contains]: typed, MaxResults: String(SUGGESTIONS) });
      const page = await fetchListPage(`${apiPath(source.parent)}?${query}`, signal);
      return [...new Set(page.items.map((row) => row[source.nameField]).filter((name) => typeof name === 'string'))];
    },
  });
}
