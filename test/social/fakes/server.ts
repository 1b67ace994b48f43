// A fake platform served over real sockets on 127.0.0.1 (port 0), so the real client
// libraries talk to it as they would to the platform. A "dropped" request has its
// connection destroyed.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeAnswer, fakePlatform, fakeRequest, type FakeOptions, type FakePlatform, type Handler } from './core';

export * from './core';

export interface Address {
  url: string;
  close(): Promise<void>;
}

/** A fake platform with the address it is served on. */
export type Served<T extends FakePlatform = FakePlatform> = T & Address;

export async function serveFake<T extends FakePlatform>(platform: T): Promise<Served<T>> {
  const server = createServer((incoming, res) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (c: Buffer) => chunks.push(c));
    incoming.on('end', async () => {
      const headers = Object.fromEntries(Object.entries(incoming.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
      const req = fakeRequest(incoming.method ?? 'GET', new URL(incoming.url ?? '/', `http://${incoming.headers.host}`), headers, Buffer.concat(chunks).toString('utf8'));
      const outcome = await platform.handle(req);
      if ('drop' in outcome) {
        incoming.socket.destroy();
        return;
      }
      // The client may be gone by now (killed while the platform held its answer).
      if (incoming.socket.destroyed) return;
      const { body, headers: out } = encodeAnswer(outcome.answer);
      res.writeHead(outcome.answer.status, out);
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(platform, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

export function startFake(handler: Handler, options: FakeOptions = {}): Promise<Served> {
  return serveFake(fakePlatform(handler, options));
}
