// The Cloudflare Workers entry: the app on the D1 binding. Everything else is shared with
// Node (src/node.ts); only where the database is differs.
import type { D1Database } from '@cloudflare/workers-types';
import { drizzle } from 'drizzle-orm/d1';
import type { Context } from 'hono';
import * as schema from '../db/schema';
import { createApp } from './app';
import { errorForLog } from './logLine';
import type { AppEnv } from './env';
import { dispatchOnWorkers, workerChannelNames } from './social/workerDispatch';

/** The bindings wrangler.toml declares. */
export interface WorkerBindings {
  DB: D1Database;
  /** PUBLIC_URL and the social channels' variables and secrets (README "Social channels"). */
  [variable: string]: unknown;
}

/** The app's environment on Workers: the shared variables plus the bindings. */
export type WorkerEnv = AppEnv & { Bindings: WorkerBindings };

// A drizzle wrapper is a few plain objects over the binding: cheap to build per request.
const database = (env: WorkerBindings) => drizzle(env.DB, { schema });
const bindings = (c: Context) => (c as Context<WorkerEnv>).env;

/** One dispatch pass; its failure is logged, never thrown at the request that started it. */
const dispatch = (env: WorkerBindings) =>
  dispatchOnWorkers(database(env), env).catch((error) => console.error(`[social] dispatch pass failed: ${errorForLog(error)}`));

const setting = (env: WorkerBindings, name: string) => {
  const value = env[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

// Said once per isolate (not at module scope, where the environment is not known yet):
// without PUBLIC_URL, posts and feeds link to whatever address served the request.
let warnedNoPublicUrl = false;
function publicUrlOf(env: WorkerBindings): string | undefined {
  const url = setting(env, 'PUBLIC_URL');
  if (!url && !warnedNoPublicUrl) {
    warnedNoPublicUrl = true;
    console.warn(
      'WARNING: PUBLIC_URL is not set. Social posts and feeds will link to whichever address served the request. ' +
        'Set it under [vars] in wrangler.toml (e.g. PUBLIC_URL = "https://results.example.gov.uk") and deploy again.',
    );
  }
  return url;
}

const app = createApp({
  db: (c) => database(bindings(c)),
  channels: (c) => workerChannelNames(bindings(c)),
  // Post at once, after the answer has gone to the officer; the cron picks up the rest.
  onDeclared: (c) => c.executionCtx.waitUntil(dispatch(bindings(c))),
  socialEnv: bindings,
  // Feeds' links and the accepted form origin; Workers Cache keys by path, not host, so
  // without it a feed filled through one address would link to it for all.
  publicUrl: (c) => publicUrlOf(bindings(c)),
  // `npx wrangler secret put SETUP_TOKEN` opens /setup for the first admin.
  setupToken: (c) => setting(bindings(c), 'SETUP_TOKEN'),
});

// Not `satisfies ExportedHandler`: the project type-checks against DOM/Node's Request, and
// workers-types' Request differs from it only in Cloudflare's extra fields.
export default {
  fetch: app.fetch,
  /** The cron trigger (wrangler.toml): retries, rate-limit waits, held posts once approved. */
  scheduled(_controller: unknown, env: WorkerBindings, ctx: { waitUntil(promise: Promise<unknown>): void }) {
    ctx.waitUntil(dispatch(env));
  },
};
