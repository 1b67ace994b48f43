// Benchmark child: a ceiling. Answers each path with a response captured from Declare (its
// status, headers and bytes, kept in memory), either from raw node:http or from a minimal
// Hono app on @hono/node-server, Declare's own server adapter. Whatever either reaches on
// this machine, with this load generator, is as fast as the same bytes can go.
// `ceiling-server.ts node-http|hono <captured.json>`; prints {url}.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { answerKey, type Captured } from './captured';

const [kind, file] = process.argv.slice(2);
const captured = new Map(
  Object.entries(JSON.parse(readFileSync(file!, 'utf8')) as Record<string, Captured>).map(([key, c]) => [
    key,
    { status: c.status, headers: c.headers, body: c.status === 304 ? null : Buffer.from(c.base64, 'base64') },
  ]),
);

const ready = (port: number) => process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);

if (kind === 'node-http') {
  const server = createServer((req, res) => {
    const answer = captured.get(answerKey(req.url!, (name) => req.headers[name] as string | undefined));
    if (!answer) return res.writeHead(404).end();
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
  server.listen(0, '127.0.0.1', () => ready((server.address() as AddressInfo).port));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else if (kind === 'hono') {
  const app = new Hono().get('*', (c) => {
    const answer = captured.get(answerKey(c.req.path, (name) => c.req.header(name)));
    return answer ? new Response(answer.body, { status: answer.status, headers: answer.headers }) : c.notFound();
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => ready(info.port));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  throw new Error(`ceiling-server: unknown kind ${kind}`);
}
