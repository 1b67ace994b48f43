// A real Declare server on a loopback port, over a real SQLite file, with the demo election
// imported: what browser tests and benchmarks talk to over real HTTP.
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { openSqlite } from '../../db/sqlite';
import { createApp } from '../../src/app';
import { collectAssets } from '../../src/assets/collect';
import type { ElectionDefinition } from '../../src/setup/definition';
import { importElection } from '../../src/setup/importElection';
import { nodeAdapters } from '../../src/social/channels/nodeAdapters';
import { startDispatchLoop, type DispatchLoop } from '../../src/social/dispatch/loop';
import { socialFromEnv } from '../../src/social/runtime';
import { freshMedway } from '../fixtures';

export interface ServerOptions {
  /** Changes the Medway definition (fresh ids) before import. */
  define?: (def: ElectionDefinition) => ElectionDefinition;
  /** Imports this definition instead (e.g. Medway under its real ids). */
  definition?: ElectionDefinition;
  /** ALLOW_HTTP_LOGIN=on: sign-in over plain HTTP on a non-local address. */
  allowHttpLogin?: boolean;
  /**
   * The social channels' variables (test/social/fakes: every platform's fake): posts are then
   * sent as src/node.ts sends them, by a dispatch loop woken after each change, and Admin →
   * Social posts shows them as set up.
   */
  socialEnv?: Record<string, string>;
}

export async function startServer(options: ServerOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'declare-server-'));
  const handle = openSqlite(join(dir, 'declare.db'));
  const def = options.definition ?? (options.define ?? ((d) => d))(freshMedway());
  await importElection(handle.db, def);
  // As src/node.ts: links go to the server's own address, known once it listens.
  let url = '';
  const social = options.socialEnv ? socialFromEnv(handle.db, options.socialEnv, nodeAdapters, { log: () => {} }) : null;
  const posting: DispatchLoop | null = social ? startDispatchLoop(social.dispatcher, { pollMs: 200 }) : null;
  const app = createApp({
    db: () => handle.db,
    assets: await collectAssets(),
    publicUrl: () => url,
    allowHttpLogin: options.allowHttpLogin,
    ...(social && posting ? { channels: social.channelNames, onDeclared: () => posting.wake() } : {}),
    // As src/nodeServer.ts: the admin's screens (Social posts, Status) show these channels as on.
    ...(options.socialEnv ? { socialEnv: () => options.socialEnv! } : {}),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  // "localhost", not 127.0.0.1: browsers treat it as a secure context, so the Secure
  // __Host- session cookie works over plain HTTP in tests as it does over HTTPS.
  url = `http://localhost:${port}`;
  return {
    url,
    db: handle.db,
    def,
    app,
    /**
     * The signal is gone: the server stops listening and drops every connection, so any
     * request fails as it would in a sports hall with no signal, whatever path it takes
     * (a browser's offline emulation does not cover requests a service worker lets through).
     */
    async unreachable() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      (server as import('node:http').Server).closeAllConnections();
      await closed;
    },
    /** The signal is back, on the same address. */
    async reachable() {
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    },
    async close() {
      await posting?.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      handle.close();
    },
  };
}
