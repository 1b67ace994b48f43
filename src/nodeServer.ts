// One Node server process: the SQLite file and an HTTP server (src/node.ts starts one, or
// several on one port). `role` says whether this process runs the social dispatcher and
// prints the start-up lines, which only one process of a cluster does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { hasAdmin } from '../db/firstAdmin';
import { listElections } from '../db/results';
import { electionPath, embedPath } from './http/paths';
import { createApp } from './app';
import { PublishedPages } from './published/publishedPages';
import { readyFirst } from './nodeListener';
import { collectAssets } from './assets/collect';
import { port } from './config';
import { openServerDatabase } from './databaseFile';
import { sqliteBackup } from './backup/sqliteBackup';
import { logLine } from './logLine';
import { nodeAdapters } from './social/channels/nodeAdapters';
import { startDispatchLoop, type DispatchLoop } from './social/dispatch/loop';
import { socialFromEnv } from './social/runtime';

export interface ServerRole {
  /** Runs the social dispatcher loop (exactly one process of a cluster does). */
  dispatcher: boolean;
  /** Prints the start-up lines, the first of which names the address (one process does). */
  announce: boolean;
  /** The dispatcher runs in another process: ask it to post a declaration at once. */
  wakeDispatcher?: () => void;
  /** Told when another process asks this one's dispatcher to post at once. */
  onWakeRequest?: (wake: () => void) => void;
  /** The demo election was loaded into the empty file before this process started (by a cluster's primary). */
  demoLoaded?: boolean;
}

export async function startNodeServer(role: ServerRole = { dispatcher: true, announce: true }): Promise<void> {
  const { db, sqlite, close, prepared: demo, path } = await openServerDatabase();
  const assets = await collectAssets();

  // @hono/node-server replaces the global Request and Response with its own lighter classes
  // (its default, overrideGlobalObjects): it writes those without a stream, and the results
  // page serves about half as many requests a second without them (measured here). So a client
  // library must never rely on `instanceof Response`: masto does, and read every Mastodon
  // error inside the server as a dropped connection until its adapter learned to recognise
  // them (src/social/channels/mastodonAnswers.ts; test/social/inServer.test.ts and
  // overriddenGlobals.test.ts hold every adapter to it).
  //
  // The server listens before the app is built, because links need the port it got: with
  // PORT=0 the system chooses one. Nothing from the listening callback to the first line
  // below awaits, so the app exists before any connection is read.
  //
  // Residents' repeated GETs are answered from answers kept ready before the app runs at all
  // (src/nodeListener.ts): this process tells the pages of its own writes, and the CLI's (or
  // another server process's) show within a fifth of a second.
  const published = new PublishedPages({ versionRecheckMs: 200, keepAnswersReady: true });
  const toApp = getRequestListener((request, env) => app.fetch(request, env), { hostname: process.env.HOST });
  const server = createServer(readyFirst(published, toApp, process.env.HOST));
  const boundPort = await new Promise<number>((resolve) => server.listen(port(), process.env.HOST, () => resolve((server.address() as AddressInfo).port)));
  const base = `http://localhost:${boundPort}`;

  // Feeds and posts link to PUBLIC_URL; without it, to this server as seen from this
  // machine. Never to the address a request names: feeds are kept by caches for everyone.
  const publicUrl = process.env.PUBLIC_URL || base;
  if (!process.env.PUBLIC_URL && process.env.NODE_ENV === 'production') {
    console.warn(`PUBLIC_URL is not set: links in feeds and posts go to ${publicUrl}. Set it to the address the public uses.`);
  }
  // Social posts: channels from the environment, dispatched by a loop in this process (or,
  // in a cluster, in the one process whose role it is: the outbox's atomic claim would keep
  // several loops from posting twice, but one loop keeps the database quiet).
  const socialEnv = { ...process.env, PUBLIC_URL: publicUrl };
  const social = socialFromEnv(db, socialEnv, nodeAdapters);
  if (role.announce) for (const problem of social.config.problems) console.warn(logLine`[social] ${problem}`);
  const posting = role.dispatcher ? startDispatchLoop(social.dispatcher, { pollMs: social.pollMs }) : null;
  if (posting) role.onWakeRequest?.(() => posting.wake());
  const wakeDispatcher = posting ? () => posting.wake() : (role.wakeDispatcher ?? (() => {}));
  const app = createApp({
    db: () => db,
    assets,
    channels: social.channelNames,
    onDeclared: wakeDispatcher,
    socialEnv: () => socialEnv,
    publicUrl,
    publicUrlConfigured: !!process.env.PUBLIC_URL,
    setupToken: () => process.env.SETUP_TOKEN,
    allowHttpLogin: process.env.ALLOW_HTTP_LOGIN === 'on',
    startedAt: Date.now() - process.uptime() * 1000,
    published,
    backup: sqliteBackup(sqlite),
  });
  if (!role.announce) return watchForStop(server, posting, close);
  if (process.env.ALLOW_HTTP_LOGIN === 'on') {
    console.warn('WARNING: ALLOW_HTTP_LOGIN=on: officers can sign in over plain HTTP, unencrypted. For rehearsals on a private network only, never on the night.');
  }

  // The first line on stdout, whatever follows: tests (and scripts) started with PORT=0 read
  // the port from it.
  console.log(`Declare is running on ${base} (database: ${path})`);
  if (demo || role.demoLoaded) console.log(`Loaded the demo election, Medway Council 2023 (no results yet).`);
  console.log(`Each declaration is posted to: ${social.channelNames.join(', ') || 'no social channel'} (see /admin/social).`);
  void listElections(db).then((elections) => {
    if (elections.length === 0) console.log(`No election yet: an admin uploads its definition at ${base}/admin/elections/new.`);
    for (const e of elections) {
      console.log(logLine`  ${e.name}: ${base}${electionPath(e.id)}`);
      console.log(`    the widget for newsrooms' live blogs: ${base}${embedPath(e.id)}`);
    }
    console.log(`To enter results, create an officer login and sign in at ${base}/officer:`);
    console.log(`  npm run cli -- user add <name> --role officer`);
  });
  void hasAdmin(db).then((any) => {
    if (!any && process.env.SETUP_TOKEN) console.log(`No admin yet: create the first one at ${base}/setup with the SETUP_TOKEN.`);
  });

  watchForStop(server, posting, close);
}

/** Finish in-flight requests and close the database cleanly on Ctrl-C or a stop signal. */
function watchForStop(server: Server, posting: DispatchLoop | null, close: () => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      server.close(async () => {
        // Let a post being sent finish, so its outcome is recorded rather than left uncertain.
        await posting?.stop();
        close();
        process.exit(0);
      });
    });
  }
}
