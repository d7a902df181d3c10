import { describe, expect, it } from 'vitest';
import { RESOURCE_IDS, resourceSpec } from '@/lib/resources/registry';
import { commandClass } from './list-operation';

describe('the generic list call', () => {
  it.each(RESOURCE_IDS)('finds the SDK command of %s by its operation name', (id) => {
    expect(commandClass(resourceSpec(id).operation).name).toBe(`${resourceSpec(id).operation}Command`);
  });

  it('refuses an operation the SDK does not have', () => {
    expect(() => commandClass('ListUnicorns')).toThrow('no ListUnicornsCommand');
  });
});
