// A real node:http server on loopback that answers as src/nodeServer.ts does: answers kept
// ready first (src/nodeListener.ts), else the app through @hono/node-server. It counts what
// reached the app, so a test can tell which answered; it closes when the test ends.
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { onTestFinished } from 'vitest';
import { readyFirst } from '../../src/nodeListener';
import type { PublishedPages } from '../../src/published/publishedPages';

interface App {
  request(request: Request): Response | Promise<Response>;
}

export interface RawAnswer {
  status: number;
  /** As sent, less those that differ by moment or connection (date, connection, keep-alive). */
  headers: Record<string, unknown>;
  /** The bytes sent, never decompressed. */
  body: Buffer;
}

export async function serveLikeNode(published: PublishedPages, app: App) {
  let appAnswered = 0;
  const toApp = getRequestListener((req) => app.request(req));
  const server = createServer(readyFirst(published, (req, res) => (appAnswered++, toApp(req, res))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    /** A GET, and whether it was answered without the app. */
    async get(path: string, headers: Record<string, string> = {}) {
      const before = appAnswered;
      const answer = await getRaw(port, path, headers);
      return { ...answer, fromMemory: appAnswered === before, text: () => answer.body.toString('utf8') };
    },
  };
}

/** A GET over a connection of its own. */
export function getRaw(port: number, path: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...rest } = res.headers;
        resolve({ status: res.statusCode!, headers: rest, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
