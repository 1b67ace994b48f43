// The Cloudflare Workers entry: the app on the D1 binding. Everything else is shared with
// Node (src/node.ts); only where the database is differs.
import type { D1Database } from '@cloudflare/workers-types';
import { drizzle } from 'drizzle-orm/d1';
import type { Context } from 'hono';
import * as schema from '../db/schema';
import { createApp } from './app';
import type { AppEnv } from './env';

/** The bindings wrangler.toml declares. */
export interface WorkerBindings {
  DB: D1Database;
}

/** The app's environment on Workers: the shared variables plus the bindings. */
export type WorkerEnv = AppEnv & { Bindings: WorkerBindings };

const app = createApp({
  // A drizzle wrapper is a few plain objects over the binding: cheap to build per request.
  db: (c: Context) => drizzle((c as Context<WorkerEnv>).env.DB, { schema }),
});

// Not `satisfies ExportedHandler`: the project type-checks against DOM/Node's Request, and
// workers-types' Request differs from it only in Cloudflare's extra fields.
export default {
  fetch: app.fetch,
};
