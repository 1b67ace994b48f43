// A response captured from Declare for the ceiling servers to replay byte for byte.
import { request } from 'node:http';

export interface Captured {
  status: number;
  headers: Record<string, string>;
  base64: string;
}

// Headers about this one connection or moment, which the replaying server sets itself.
const ownedByTheServer = new Set(['connection', 'keep-alive', 'date', 'transfer-encoding']);

/** Asks `url` with `headers` and keeps the answer as sent: node:http, which never decompresses. */
export function capture(url: string, headers: Record<string, string>): Promise<Captured> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const kept: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (!ownedByTheServer.has(name) && value !== undefined) kept[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ status: res.statusCode!, headers: kept, base64: Buffer.concat(chunks).toString('base64') });
      });
    })
      .on('error', reject)
      .end();
  });
}

/**
 * Which captured answer a request gets: by path and by the two headers Declare answers by
 * (a conditional request, and gzip), as Declare itself chooses.
 */
export function answerKey(path: string, header: (name: string) => string | undefined): string {
  return `${path} ${header('if-none-match') ? 'conditional' : header('accept-encoding')?.includes('gzip') ? 'gzip' : 'plain'}`;
}
