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
import { adminAudit } from './routes/adminAudit';
import { adminStatus } from './routes/adminStatus';
import type { Started } from './status/nightStatus';
import { login } from './routes/login';
import { setup } from './routes/setup';
import { officer } from './routes/officer';
import type { Db } from '../db/client';
import { identify } from './auth/middleware';
import { transportOf } from './auth/transport';
import { ProblemsError } from './declare/problems';
import type { AppEnv } from './env';
import { publicApi } from './routes/api';
import { declarationsApi } from './routes/declarations';
import { updatesApi } from './routes/updates';
import { adminUpdates } from './routes/adminUpdates';
import { adminElections } from './routes/adminElections';
import { adminDefinition } from './routes/adminDefinition';
import { adminRehearsal } from './routes/adminRehearsal';
import { adminExport } from './routes/adminExport';
import type { MakeBackup } from './archive/databaseBackup';
import { adminSocial } from './routes/adminSocial';
import { adminSocialWording } from './routes/adminSocialWording';
import { adminOutbox } from './routes/adminOutbox';
import { adminSubscribers } from './routes/adminSubscribers';
import { adminTimetable } from './routes/adminTimetable';
import { adminSecondPairOfEyes } from './routes/adminSecondPairOfEyes';
import { officerSocial } from './routes/officerSocial';
import { officerUpdates } from './routes/officerUpdates';
import type { Env as SocialEnv } from './social/config';
import { resultsPages } from './routes/results';
import { PublishedPages } from './published/publishedPages';
import { notFound } from './http/notFound';
import { knownRoutes } from './http/knownRoutes';
import { limitBodySize } from './http/bodyLimit';
import { expectedBodyTypes } from './http/bodyTypes';
import { feeds } from './routes/feeds';
import { openDataPreflightRoutes } from './routes/openDataPreflight';
import { openApiRoutes } from './routes/openApi';
import { health } from './routes/health';
import { errorForLog, logLine } from './logLine';
import type { MiddlewarePages } from './http/pages';
import { RefusedPage } from '../views/RefusedPage';
import { SignedOutPage } from '../views/officer/SignedOutPage';
import { NotFoundPage } from '../views/public/NotFoundPage';

// The pages middleware answers people with (src/http/pages.ts): views, handed down from here.
const middlewarePages: MiddlewarePages = { NotFound: NotFoundPage, Refused: RefusedPage, SignedOut: SignedOutPage };

export interface AppOptions {
  /** The database for this request: one connection on Node, the D1 binding on Workers. */
  db: (c: Context) => Db;
  /**
   * Social channels each declaration queues a post on ("log" by default); a function when
   * they come from the request's environment (the Worker's bindings).
   */
  channels?: string[] | ((c: Context) => string[]);
  /** Told after each declaration or update from the count is recorded, to dispatch its posts without waiting. */
  onDeclared?: (c: Context) => void;
  /** Where the social channels are configured from, for the admin screens (names only shown). */
  socialEnv?: (c: Context) => SocialEnv;
  /** Static files served by the app (Node); on Workers, static assets serve them. */
  assets?: Map<string, Asset>;
  /**
   * The public address (PUBLIC_URL), when a proxy in front terminates TLS or the site has
   * several addresses; a function when it comes from the request's environment (Workers).
   */
  publicUrl?: string | ((c: Context) => string | undefined);
  /**
   * Sign-in over plain HTTP on a non-local address (a rehearsal on the council's Wi-Fi):
   * ALLOW_HTTP_LOGIN=on. Off, such a sign-in is refused with the reason (src/auth/transport.ts).
   */
  allowHttpLogin?: boolean;
  /**
   * Whether the public address was set by the council. Node passes its own address as
   * `publicUrl` when PUBLIC_URL is unset, and says here that it was not set, for the admin's
   * warning; without this, a `publicUrl` counts as set.
   */
  publicUrlConfigured?: boolean;
  /** The one-time secret that opens /setup for the first admin (SETUP_TOKEN); unset, it is closed. */
  setupToken?: (c: Context) => string | undefined;
  /**
   * When the server process started (epoch ms), for Admin → Status: Node passes its own.
   * Unset (Workers), the app counts from the first request it answers, which is when this
   * isolate started: a Worker's module scope has no clock to read.
   */
  startedAt?: number;
  /**
   * Copies the database into one file for Admin → Export (Node: SQLite's online backup,
   * src/backup/sqliteBackup.ts). Unset on Workers, where D1 has no file to offer and the
   * page says to use `wrangler d1 export` instead.
   */
  backup?: MakeBackup;
  /**
   * The public pages' render cache. Unset, a fresh one that reads the election's version on
   * every request; Node passes one that remembers it briefly and keeps answers ready to send
   * before the app (src/published/publishedPages.tsx), since its own writes tell it at once.
   */
  published?: PublishedPages;
}

export function createApp(options: AppOptions) {
  const channels = options.channels ?? ['log'];
  const app = new Hono<AppEnv>();
  // First, so every answer can use them, 404s and refusals before any route included.
  app.use((c, next) => {
    c.set('pages', middlewarePages);
    return next();
  });
  let firstRequestAt: number | undefined;
  if (options.startedAt === undefined) {
    app.use((_, next) => {
      firstRequestAt ??= Date.now();
      return next();
    });
  }
  const started = (): Started =>
    options.startedAt === undefined ? { at: firstRequestAt ?? Date.now(), kind: 'first-request' } : { at: options.startedAt, kind: 'process' };
  app.use(securityHeaders);
  // The public pages, JSON and feeds come first: the election-night hot path needs no
  // session, no CSRF check, no request id (its answers are the same for everyone, and Hono
  // drops a header set before the handler from the ready-made responses they send) and no
  // per-request setup (but handing over the pages above: one assignment), only the database. All three share one render cache. They come even
  // before the refusals below: a request they answer is a GET of a known address, whose body
  // (if any) nobody reads.
  const published = options.published ?? new PublishedPages();
  // A fixed PUBLIC_URL is read once, so a malformed one stops the server at start-up
  // rather than failing requests; on Workers it comes with each request's environment.
  const { publicUrl } = options;
  const fixedOrigin = typeof publicUrl === 'function' || !publicUrl ? null : new URL(publicUrl).origin;
  // On Workers the address comes with every request: parsed once per value, and a malformed
  // one is logged once and treated as unset, rather than failing every page.
  let lastUrl: string | undefined;
  let lastOrigin: string | null = null;
  const originOfUrl = (url: string | undefined): string | null => {
    if (!url) return null;
    if (url !== lastUrl) {
      lastUrl = url;
      try {
        lastOrigin = new URL(url).origin;
      } catch {
        lastOrigin = null;
      }
      if (!lastOrigin) console.error(logLine`PUBLIC_URL ${url} is not a web address (like https://results.example.gov.uk): it is ignored.`);
    }
    return lastOrigin;
  };
  const publicOrigin = (c: Context) => (typeof publicUrl === 'function' ? originOfUrl(publicUrl(c)) : fixedOrigin);
  const originOf = (c: Context) => publicOrigin(c) ?? new URL(c.req.url).origin;
  // The results page's embed snippet shows the configured address, never a request's Host:
  // the page is kept by caches for everyone (without one, a Worker's snippet is relative).
  app.route('/', resultsPages(options.db, published, (c) => publicOrigin(c) ?? ''));
  app.route('/api/v1', publicApi(options.db, published));
  app.route('/api/v1', feeds(options.db, publicOrigin, published));
  // Before anything else reads a request: refuse what no route would take (an unknown address,
  // a method the address does not take, too large a body, the wrong kind of body).
  app.use(knownRoutes(() => app.routes, notFound));
  app.use(limitBodySize);
  app.use(expectedBodyTypes);
  // Whatever this process writes shows on the public pages at once: any request that may have
  // written makes them read the election's version again (other processes' writes show within
  // their recheck time).
  app.use(async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') published.forgetVersions();
  });
  app.route('/', health(options.db));
  app.route('/', openDataPreflightRoutes);
  app.route('/', openApiRoutes);
  app.use(requestId());
  // Browsers send Origin with every form post: one from another site is refused outright.
  app.use(csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin(c) }));
  app.use(async (c, next) => {
    c.set('db', options.db(c));
    c.set('channels', typeof channels === 'function' ? channels(c) : channels);
    c.set('origin', originOf(c));
    c.set('publicUrlSet', options.publicUrlConfigured ?? publicOrigin(c) !== null);
    c.set('transport', transportOf(c.req.url, publicOrigin(c), options.allowHttpLogin ?? false));
    await next();
  });
  app.use(identify);
  if (options.onDeclared) {
    const onDeclared = options.onDeclared;
    app.use(async (c, next) => {
      await next();
      if (c.var.declared) onDeclared(c);
    });
  }
  app.route('/api/v1', declarationsApi);
  app.route('/api/v1', updatesApi);
  app.route('/', login);
  app.route('/', setup(options.setupToken ?? (() => undefined)));
  app.route('/', officer);
  app.route('/', admin);
  app.route('/', adminTimetable);
  app.route('/', adminUpdates);
  app.route('/', officerUpdates);
  app.route('/', adminElections);
  app.route('/', adminDefinition);
  app.route('/', adminRehearsal);
  app.route('/', adminSecondPairOfEyes);
  app.route('/', adminAudit);
  app.route('/', officerSocial);
  const socialEnv = options.socialEnv ?? (() => ({}));
  app.route('/', adminSocial({ env: socialEnv }));
  app.route('/', adminSocialWording({ env: socialEnv }));
  app.route('/', adminOutbox);
  app.route('/', adminStatus({ env: socialEnv, started }));
  app.route('/', adminSubscribers);
  app.route('/', adminExport(options.backup));
  if (options.assets) app.route('/', assetRoutes(options.assets));
  // People get an HTML page, API clients the JSON error (see src/http/notFound.tsx).
  app.notFound(notFound);
  app.onError((error, c) => {
    if (error instanceof ProblemsError) {
      const kind = ({ 403: 'forbidden', 404: 'not_found', 409: 'conflict', 422: 'invalid' } as const)[error.status];
      return c.json({ error: kind, message: error.problems[0]?.message, problems: error.problems }, error.status);
    }
    if (error instanceof HTTPException) return error.getResponse();
    // Public pages run before the request-id middleware: their failures get a reference here.
    const reference = c.var.requestId ?? crypto.randomUUID();
    console.error(`request ${reference} failed: ${errorForLog(error)}`);
    return c.json({ error: 'internal', message: `Something went wrong on our side. Nothing was published by this request (reference ${reference}).` }, 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
