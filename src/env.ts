// What every handler can rely on, whichever runtime serves it.
import type { Db } from '../db/client';
import type { UserRow } from '../db/users';
import type { Transport } from './auth/transport';
import type { MiddlewarePages } from './http/pages';

export interface Viewer {
  user: UserRow;
  /** How this request proved who it is: a browser session (needs CSRF) or an API token. */
  via: 'session' | 'token';
  /** The session's CSRF token, for forms; absent for API tokens. */
  csrfToken?: string;
  sessionHash?: string;
}

export interface AppVariables {
  /** The pages middleware answers with, from src/app.ts; set for every request. */
  pages: MiddlewarePages;
  db: Db;
  /** Set for every request but the public results pages (see src/app.ts). */
  requestId?: string;
  viewer: Viewer | null;
  /** Social channels a new declaration queues a post on. */
  channels: string[];
  /** The site's public origin (PUBLIC_URL, else this request's), for absolute links. */
  origin: string;
  /** Whether sign-in cookies can reach this browser (src/auth/transport.ts). */
  transport: Transport;
  /** Whether PUBLIC_URL is set: without it posts and feeds link to whatever address was asked. */
  publicUrlSet: boolean;
  /** Set when this request recorded a declaration or an update, so its posts can be dispatched at once. */
  declared?: boolean;
}

export interface AppEnv {
  Variables: AppVariables;
}
