import { describe, expect, it } from 'vitest';
import { LaneFullError, Lanes } from './lanes';

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('Lanes', () => {
  it('runs at most `limit` calls per lane and starts waiting ones in order', async () => {
    const lanes = new Lanes(2, 10_000);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, index) =>
      lanes.run('slow', undefined, async () => {
        started.push(index);
        await gate.promise;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(lanes.load()).toEqual({ slow: { active: 2, waiting: 1 } });
    gates[1]?.resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates[0]?.resolve();
    gates[2]?.resolve();
    await Promise.all(runs);
    expect(lanes.load()).toEqual({});
  });

  it('never makes one lane wait for another', async () => {
    const lanes = new Lanes(1, 10_000);
    const slow = deferred();
    const blocked = lanes.run('ListModelPackages', undefined, () => slow.promise);
    await expect(lanes.run('ListImages', undefined, async () => 'images')).resolves.toBe('images');
    slow.resolve();
    await blocked;
  });

  it('lets a waiting call leave when its signal aborts, and fails it after the wait allowance', async () => {
    const lanes = new Lanes(1, 50);
    const slow = deferred();
    const running = lanes.run('lane', undefined, () => slow.promise);
    const controller = new AbortController();
    const leaving = lanes.run('lane', controller.signal, async () => 'never');
    controller.abort();
    await expect(leaving).rejects.toMatchObject({ name: 'AbortError' });
    expect(lanes.load()).toEqual({ lane: { active: 1, waiting: 0 } });
    await expect(lanes.run('lane', undefined, async () => 'late')).rejects.toBeInstanceOf(LaneFullError);
    slow.resolve();
    await running;
    await expect(lanes.run('lane', undefined, async () => 'free again')).resolves.toBe('free again');
  });

  it('frees the slot when the call fails', async () => {
    const lanes = new Lanes(1, 50);
    await expect(lanes.run('lane', undefined, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lanes.run('lane', undefined, async () => 'next')).resolves.toBe('next');
  });
});
