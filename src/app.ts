// Builds the app from its parts. The runtimes (src/node.ts, src/worker.ts) only say where
// the database is and which channels are configured.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { csrf } from 'hono/csrf';
import { requestId } from 'hono/request-id';
import type { Asset } from './assets/asset';
import { securityHeaders } from './http/securityHeaders';
import { assetRoutes } from './routes/assets';
import { admin } from './routes/admin';
import { login } from './routes/login';
import { officer } from './routes/officer';
import type { Db } from '../db/client';
import { identify } from './auth/middleware';
import { ProblemsError } from './declare/problems';
import type { AppEnv } from './env';
import { publicApi } from './routes/api';
import { declarationsApi } from './routes/declarations';

export interface AppOptions {
  /** The database for this request: one connection on Node, the D1 binding on Workers. */
  db: (c: Context) => Db;
  /** Social channels each declaration queues a post on ("log" by default). */
  channels?: string[];
  /** Static files served by the app (Node); on Workers, static assets serve them. */
  assets?: Map<string, Asset>;
  /** The public address (PUBLIC_URL), when a proxy in front terminates TLS. */
  publicUrl?: string;
}

export function createApp(options: AppOptions) {
  const channels = options.channels ?? ['log'];
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(securityHeaders);
  // Browsers send Origin with every form post: one from another site is refused outright.
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : null;
  app.use(csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin }));
  app.use(async (c, next) => {
    c.set('db', options.db(c));
    c.set('channels', channels);
    await next();
  });
  app.use(identify);
  app.route('/api/v1', publicApi);
  app.route('/api/v1', declarationsApi);
  app.route('/', login);
  app.route('/', officer);
  app.route('/', admin);
  if (options.assets) app.route('/', assetRoutes(options.assets));
  app.notFound((c) => c.json({ error: 'not_found', message: 'Nothing here.' }, 404));
  app.onError((error, c) => {
    if (error instanceof ProblemsError) {
      const kind = error.status === 404 ? 'not_found' : error.status === 409 ? 'conflict' : 'invalid';
      return c.json({ error: kind, message: error.problems[0]?.message, problems: error.problems }, error.status);
    }
    if (error instanceof HTTPException) return error.getResponse();
    console.error(`request ${c.var.requestId} failed:`, error);
    return c.json({ error: 'internal', message: `Something went wrong on our side. Nothing was published by this request (reference ${c.var.requestId}).` }, 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
