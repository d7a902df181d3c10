import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RESOURCE_IDS, resourceSpec } from '@/lib/resources/registry';
import { listingOf } from '@/lib/resources/schemas/registry';
import { commandClass } from './list-operation';

describe('the generic list call', () => {
  it.each(RESOURCE_IDS)('finds the SDK command of %s by its operation name', (id) => {
    expect(commandClass(resourceSpec(id).operation).name).toBe(`${resourceSpec(id).operation}Command`);
  });

  it('refuses an operation the SDK does not have', () => {
    expect(() => commandClass('ListUnicorns')).toThrow('no ListUnicornsCommand');
  });
});

const SPEC = new URL('../../../shared/spec/', import.meta.url);
const modelOf = (file: string) =>
  z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(new URL(file, SPEC), 'utf8')));
const operationShape = z.object({
  input: z.object({ members: z.record(z.string(), z.unknown()) }),
  output: z.object({ members: z.record(z.string(), z.unknown()) }),
});
const listApis = z.object({ operations: z.record(z.string(), z.unknown()) }).parse(modelOf('sagemaker-list-apis.json'));
const moreApis = z
  .object({ services: z.object({ sagemaker: z.object({ operations: z.record(z.string(), z.unknown()) }) }) })
  .parse(modelOf('more-apis.json'));

function modelled(operation: string) {
  return operationShape.parse(listApis.operations[operation] ?? moreApis.services.sagemaker.operations[operation]);
}

describe('what the specs send and read, against the AWS models in ../shared/spec', () => {
  it.each(RESOURCE_IDS)('%s: every query parameter and route parameter is a member of the input', (id) => {
    const spec = listingOf(id);
    const { input, output } = modelled(spec.operation);
    const sent = [...Object.keys(spec.query.shape), ...Object.keys(spec.pathParams.shape)];
    expect(sent.filter((member) => !(member in input.members))).toEqual([]);
    expect(Object.keys(output.members)).toContain(spec.resultKey);
  });
});
