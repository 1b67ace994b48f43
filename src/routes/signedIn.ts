// The signed-in user as every page's shell shows them (views/Layout.tsx): one helper for all
// the officer and admin routes.
import type { Context } from 'hono';
import type { SignedIn } from '../../views/Layout';
import type { AppEnv } from '../env';

export function signedIn(c: Context<AppEnv>): SignedIn {
  const viewer = c.var.viewer!;
  return { name: viewer.user.name, csrfToken: viewer.csrfToken ?? '', plainHttp: c.var.transport === 'plain-allowed' };
}
