import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Served {
  status: number;
  contentType: string;
  body: string;
}

export interface KeyServer {
  url: string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** A loopback HTTP server answering each path from `answer`; port 0, so tests never collide. */
export async function startKeyServer(answer: (path: string) => Served | undefined): Promise<KeyServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    const served = answer(path) ?? { status: 404, contentType: 'text/plain', body: 'not found' };
    response.writeHead(served.status, { 'content-type': served.contentType });
    response.end(served.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

export function json(value: unknown): Served {
  return { status: 200, contentType: 'application/json', body: JSON.stringify(value) };
}
