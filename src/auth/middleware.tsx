// Who is asking: an API token (Authorization: Bearer) or a browser session cookie.
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { findSession } from '../../db/sessions';
import { apiTokenHolder, noteTokenUse, type Role } from '../../db/users';
import type { AppEnv } from '../env';
import { equalInConstantTime, hashToken } from './secrets';
import { sessionCookies } from './transport';
import { readOnlyMethods } from '../http/methods';
import { wantsHtml } from '../http/wantsHtml';


/** Reads the credentials on every request (cheaply: one indexed lookup), never refuses. */
export const identify = createMiddleware<AppEnv>(async (c, next) => {
  c.set('viewer', null);
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const tokenHash = await hashToken(bearer);
    const holder = await apiTokenHolder(c.var.db, tokenHash);
    if (holder) {
      c.set('viewer', { user: holder.user, via: 'token' });
      await noteTokenUse(c.var.db, tokenHash, holder.lastUsedAt);
    }
  } else {
    // __Host- cookies (Secure, host-only, Path=/) except in an allowed plain-HTTP rehearsal.
    const token = getCookie(c, sessionCookies(c.var.transport).session);
    if (token) {
      const sessionHash = await hashToken(token);
      const session = await findSession(c.var.db, sessionHash);
      if (session) c.set('viewer', { user: session.user, via: 'session', csrfToken: session.csrfToken, sessionHash });
    }
  }
  await next();
});

const rank: Record<Role, number> = { officer: 1, admin: 2 };


/**
 * Lets through only a signed-in user of at least `role`. A browser without a session is
 * sent to the login page; an API client gets 401 JSON. A session's state-changing request
 * must also carry its CSRF token (form field `_csrf` or header `X-CSRF-Token`).
 */
export function requireRole(role: Role) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const viewer = c.var.viewer;
    if (!viewer) {
      if (wantsHtml(c)) {
        if (c.req.method === 'GET') return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
        // A form sent after the session ended: say so plainly; the browser's Back button
        // still holds what was typed.
        const { SignedOut } = c.var.pages;
        return c.html(<SignedOut title="You are signed out" message="Your sign-in has ended, so nothing was saved or published." />, 401);
      }
      return c.json({ error: 'unauthorized', message: 'Sign in, or send an API token as "Authorization: Bearer <token>".' }, 401);
    }
    if (rank[viewer.user.role] < rank[role]) {
      return c.json({ error: 'forbidden', message: `This needs an ${role} login.` }, 403);
    }
    if (viewer.via === 'session' && !readOnlyMethods.has(c.req.method)) {
      const sent = c.req.header('x-csrf-token') ?? (await formField(c.req.raw.clone(), '_csrf'));
      if (!sent || !viewer.csrfToken || !equalInConstantTime(sent, viewer.csrfToken)) {
        const message = 'This form has expired or did not come from this site. Reload the page and try again.';
        const { SignedOut } = c.var.pages;
        if (wantsHtml(c)) return c.html(<SignedOut title="Form expired" message={message} />, 403);
        return c.json({ error: 'csrf', message }, 403);
      }
    }
    await next();
  });
}

async function formField(request: Request, name: string): Promise<string | undefined> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return undefined;
  const value = (await request.formData()).get(name);
  return typeof value === 'string' ? value : undefined;
}
