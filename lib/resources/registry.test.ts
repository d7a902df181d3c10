import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { iamAction, routeParams } from './derive';
import { RESOURCE_IDS, parentOf, resourceSpec, resources, sections } from './registry';

const file = (path: string) => new URL(`../..${path}`, import.meta.url);

describe('the registry, the one list of listings', () => {
  it('keys every spec by its own id', () => {
    for (const [key, spec] of Object.entries(resources)) expect(spec.id).toBe(key);
  });

  it.each(RESOURCE_IDS)('%s has its page and its API route, both made from the spec', (id) => {
    const spec = resourceSpec(id);
    const page = file(`/app${spec.route}/page.tsx`);
    const route = file(`/app${spec.apiRoute}/route.ts`);
    expect(existsSync(page), `app${spec.route}/page.tsx`).toBe(true);
    expect(existsSync(route), `app${spec.apiRoute}/route.ts`).toBe(true);
    expect(readFileSync(page, 'utf8')).toMatch(/listingPage\(\w+\)/);
    expect(readFileSync(route, 'utf8')).toMatch(/listRoute\(\w+\)/);
    expect(routeParams(spec.route)).toEqual(routeParams(spec.apiRoute));
  });

  it.each(RESOURCE_IDS)('%s tells new rows by a server-sorted time column', (id) => {
    const spec = resourceSpec(id);
    const column = spec.columns.find((candidate) => candidate.id === spec.sort.newest);
    expect(column?.cell).toBe('datetime');
    expect(spec.sort.server[spec.sort.newest]).toBeDefined();
    expect(Object.values(spec.sort.server)).toContain(spec.sort.api.by);
  });

  it('puts every listing reached without a parent in the navigation, in registry order', () => {
    const expected = RESOURCE_IDS.filter((id) => routeParams(resourceSpec(id).route).length === 0);
    expect(sections().map((spec) => spec.id)).toEqual(expected);
  });

  it('names each child by a route parameter it has or a text filter it has, and gives each parent a lookup', () => {
    for (const id of RESOURCE_IDS) {
      const relation = parentOf(id);
      if (relation === undefined) continue;
      const child = resourceSpec(id);
      expect(relation.parent.lookup, `${relation.parent.id}.lookup`).toBeDefined();
      if ('path' in relation.via) {
        expect(routeParams(child.route)).toContain(relation.via.path);
      } else {
        const { filter } = relation.via;
        expect(child.filters.find((candidate) => candidate.id === filter)?.kind).toBe('text');
      }
    }
    for (const spec of RESOURCE_IDS.map(resourceSpec)) {
      for (const child of spec.children ?? []) expect(RESOURCE_IDS).toContain(child.resource);
    }
  });

  it("is what README's least-privilege IAM policy allows", () => {
    const readme = readFileSync(file('/README.md'), 'utf8');
    const policy = /"Sid": "SageMakerCatalogReadOnly",[\s\S]*?"Action": \[([^\]]*)\]/.exec(readme)?.[1] ?? '';
    const actions = [...policy.matchAll(/"(sagemaker:\w+)"/g)].map((match) => match[1]);
    expect(actions.sort()).toEqual(RESOURCE_IDS.map((id) => iamAction(resourceSpec(id))).sort());
  });
});
