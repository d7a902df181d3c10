import { describe, expect, it, vi } from 'vitest';

describe('processWide', () => {
  it('gives every copy of a module the same value, as separately bundled entries need', async () => {
    const first = await import('./process-wide');
    vi.resetModules();
    const second = await import('./process-wide');
    expect(second).not.toBe(first);
    const made = first.processWide('test:shared', () => ({ calls: new Map<string, number>() }));
    const again = second.processWide('test:shared', () => ({ calls: new Map<string, number>() }));
    expect(again).toBe(made);
  });

  it('keeps values of different names apart and creates each once', async () => {
    const { processWide } = await import('./process-wide');
    const create = vi.fn(() => ({}));
    const a = processWide('test:a', create);
    expect(processWide('test:a', create)).toBe(a);
    expect(processWide('test:b', create)).not.toBe(a);
    expect(create).toHaveBeenCalledTimes(2);
  });
});
