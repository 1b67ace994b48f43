// Signing in and out with a password and a server-side session.
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { LoginPage } from '../../views/officer/LoginPage';
import { londonClock } from '../../views/shared/londonTime';
import { deleteSession } from '../../db/sessions';
import { requireRole } from '../auth/middleware';
import { plainHttpRefused, sessionCookies } from '../auth/transport';
import { defaultNext, safeNextPath } from '../auth/nextPath';
import { knownDeviceDays, sessionHours, signIn } from '../auth/signIn';
import { waitInWords } from '../auth/signInThrottle';
import type { AppEnv } from '../env';
import { clientAddress } from '../http/clientAddress';
import { actorOf } from './actor';

const loginForm = z.object({
  name: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
  next: z.string().optional(),
});

export const login = new Hono<AppEnv>()
  .get('/login', (c) =>
    c.html(<LoginPage next={safeNextPath(c.req.query('next'), c.var.origin)} error={c.var.transport === 'plain-refused' ? plainHttpRefused : undefined} />),
  )
  .post('/login', async (c) => {
    // Refused before the password is looked at: the browser would drop the session anyway.
    if (c.var.transport === 'plain-refused') return c.html(<LoginPage next={defaultNext} error={plainHttpRefused} />, 403);
    const cookies = sessionCookies(c.var.transport);
    const parsed = loginForm.safeParse(await c.req.parseBody());
    if (!parsed.success) {
      return c.html(<LoginPage next={defaultNext} error="Enter your user name and password." />, 400);
    }
    const { name, password } = parsed.data;
    const next = safeNextPath(parsed.data.next, c.var.origin);
    const now = Date.now();
    const outcome = await signIn(c.var.db, { name, password, address: clientAddress(c), deviceToken: getCookie(c, cookies.device) }, actorOf(c), now);
    if (outcome.kind === 'wait') {
      const at = new Date(outcome.retryAt).toISOString();
      const error = `Too many wrong passwords for this account. Try again in ${waitInWords(outcome.retryAt, now)} (at ${londonClock(at)}), or ask an admin to unlock it.`;
      c.header('Retry-After', String(Math.max(1, Math.ceil((outcome.retryAt - now) / 1000))));
      return c.html(<LoginPage next={next} name={name} error={error} />, 429);
    }
    if (outcome.kind === 'wrong') {
      return c.html(<LoginPage next={next} name={name} error="That user name and password do not match." />, 401);
    }
    if (outcome.kind === 'disabled') {
      return c.html(<LoginPage next={next} name={name} error="This account is disabled. Ask an admin to enable it." />, 403);
    }
    setCookie(c, cookies.session, outcome.sessionToken, { ...cookies.options, maxAge: sessionHours * 3600 });
    if (outcome.newDeviceToken) setCookie(c, cookies.device, outcome.newDeviceToken, { ...cookies.options, maxAge: knownDeviceDays * 24 * 3600 });
    return c.redirect(next, 303);
  })
  .post('/logout', requireRole('officer'), async (c) => {
    const viewer = c.var.viewer!;
    if (viewer.sessionHash) await deleteSession(c.var.db, viewer.sessionHash, viewer.user.id, actorOf(c));
    // The known-device cookie stays: signing out on one's own phone keeps it known.
    const cookies = sessionCookies(c.var.transport);
    deleteCookie(c, cookies.session, { path: '/', secure: cookies.options.secure });
    return c.redirect('/login', 303);
  });
