// Admin → Status: the database, the social channels, uptime, version and warnings.
import { Hono, type Context } from 'hono';
import { StatusPage } from '../../views/admin/StatusPage';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import type { Env } from '../social/config';
import { nightStatus, type Started } from '../status/nightStatus';
import { signedIn } from './signedIn';

export interface AdminStatusOptions {
  /** Where the social channels are configured from (names only are shown). */
  env: (c: Context<AppEnv>) => Env;
  started: () => Started;
}

export function adminStatus(options: AdminStatusOptions) {
  return new Hono<AppEnv>().get('/admin/status', requireRole('admin'), async (c) => {
    const status = await nightStatus(c.var.db, { env: options.env(c), publicUrlSet: c.var.publicUrlSet, started: options.started() });
    return c.html(<StatusPage status={status} signedIn={signedIn(c)} />);
  });
}
