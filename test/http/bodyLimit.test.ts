// The body limit over real HTTP on Node: a real socket, a body far over the limit, sent with
// a Content-Length, without one (chunked), and with one that lies.
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/server';

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

const megabyte = Buffer.alloc(1024 * 1024, 'a');

/** Posts to /login, writing 1 MB at a time until the answer comes or `totalMb` is sent. */
function postLogin(headers: Record<string, string>, totalMb: number): Promise<{ status: number; body: string; sentMb: number }> {
  return new Promise((resolve, reject) => {
    let sentMb = 0;
    let answered = false;
    const req = request(`${server.url}/login`, { method: 'POST', headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers } }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8').on('data', (chunk) => (body += chunk));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, body, sentMb });
      });
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const write = () => {
      while (!answered && sentMb < totalMb) {
        sentMb += 1;
        if (!req.write(megabyte)) return void req.once('drain', write);
      }
      if (!answered) req.end();
    };
    write();
  });
}

describe('the body limit over real HTTP', () => {
  it('answers a 200 MB sign-in form with 413 as soon as its Content-Length is seen, long before it is all sent', async () => {
    const before = process.memoryUsage().rss;
    const res = await postLogin({ 'content-length': String(200 * 1024 * 1024) }, 200);
    expect(res.status).toBe(413);
    expect(res.body).toContain('Nothing was saved or published.');
    expect(res.sentMb).toBeLessThan(200);
    // The server (this process) kept none of it.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('answers a 200 MB chunked sign-in form (no Content-Length) with 413, having read only up to the limit', async () => {
    const res = await postLogin({ 'transfer-encoding': 'chunked' }, 200);
    expect(res.status).toBe(413);
    expect(res.sentMb).toBeLessThan(200);
  });

  // What the limit relies on: with a Content-Length, the app is handed that many bytes and
  // no more, so a body cannot slip past the limit by understating its size.
  it('reads only as much as a lying Content-Length says, and takes the rest for the garbage it is', async () => {
    const { port } = new URL(server.url);
    const answers = await new Promise<string>((resolve) => {
      let out = '';
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST /login HTTP/1.1\r\nHost: localhost:${port}\r\nOrigin: ${server.url}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10\r\n\r\n`,
        );
        socket.write(Buffer.alloc(4 * 1024 * 1024, 'a'));
      });
      socket.setEncoding('utf8').on('data', (chunk) => (out += chunk));
      socket.on('close', () => resolve(out));
      socket.on('error', () => resolve(out));
    });
    const statuses = [...answers.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
    // The ten bytes are a sign-in form without a password; what follows is no request at all.
    expect(statuses[0]).toBe(400);
    expect(statuses.every((s) => s < 500)).toBe(true);
    expect((await fetch(`${server.url}/login`)).status).toBe(200);
  });
});
