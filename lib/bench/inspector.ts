import { z } from 'zod';

const targets = z.array(z.object({ webSocketDebuggerUrl: z.string() }));
const reply = z.object({ id: z.number(), result: z.unknown().optional(), error: z.unknown().optional() });
const evaluated = z.object({ result: z.object({ value: z.string() }) });
const usage = z.object({ heapUsed: z.number(), arrayBuffers: z.number() });

/** A Node process's inspector (`--inspect`), for what it holds: a full GC, then its memory. */
export async function connectInspector(port: number) {
  const [target] = targets.parse(await (await fetch(`http://127.0.0.1:${port}/json/list`)).json());
  if (target === undefined) throw new Error(`no inspector target on port ${port}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.addEventListener('message', (event) => {
    const message = reply.safeParse(JSON.parse(String(event.data)));
    if (message.success) waiting.get(message.data.id)?.(message.data.result);
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      next += 1;
      waiting.set(next, resolve);
      socket.send(JSON.stringify({ id: next, method, params }));
    });
  return {
    /** The bytes still reachable after a full GC: the JS heap and the ArrayBuffers outside it. */
    async held(): Promise<number> {
      await send('HeapProfiler.collectGarbage');
      const answer = evaluated.parse(
        await send('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true }),
      );
      const memory = usage.parse(JSON.parse(answer.result.value));
      return memory.heapUsed + memory.arrayBuffers;
    },
    close: () => socket.close(),
  };
}
