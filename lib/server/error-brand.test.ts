import { describe, expect, it, vi } from 'vitest';

describe('errors thrown by another bundle of the same module', () => {
  it('are still instances of the class, by name, as Next loads a module once per bundle', async () => {
    const first = await import('@/lib/sagemaker/lanes');
    vi.resetModules();
    const second = await import('@/lib/sagemaker/lanes');
    expect(second.LaneFullError).not.toBe(first.LaneFullError);
    expect(new first.LaneFullError(5)).toBeInstanceOf(second.LaneFullError);
    expect(new Error('other')).not.toBeInstanceOf(second.LaneFullError);
    const proxy = await import('@/lib/server/http/proxy-error');
    expect(new first.LaneFullError(5)).not.toBeInstanceOf(proxy.ProxyError);
  });
});
