// Signing in and out with a password and a server-side session. The rules are in
// src/auth/signIn.ts (and its throttle, signInThrottle.ts), the words in
// views/officer/signInRefusals.ts.
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { LoginPage } from '../../views/officer/LoginPage';
import { formIncomplete, refusalInWords } from '../../views/officer/signInRefusals';
import { deleteSession } from '../../db/sessions';
import { requireRole } from '../auth/middleware';
import { plainHttpRefused, sessionCookies } from '../auth/transport';
import { defaultNext, safeNextPath } from '../auth/nextPath';
import { cookieSeconds, refusalStatus, signIn, signInForm } from '../auth/signIn';
import { secondsUntil } from '../auth/signInThrottle';
import type { AppEnv } from '../env';
import { clientAddress } from '../http/clientAddress';
import { actorOf } from './actor';

export const login = new Hono<AppEnv>()
  .get('/login', (c) =>
    c.html(<LoginPage next={safeNextPath(c.req.query('next'), c.var.origin)} error={c.var.transport === 'plain-refused' ? plainHttpRefused : undefined} />),
  )
  .post('/login', async (c) => {
    // Refused before the password is looked at: the browser would drop the session anyway.
    if (c.var.transport === 'plain-refused') return c.html(<LoginPage next={defaultNext} error={plainHttpRefused} />, 403);
    const parsed = signInForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return c.html(<LoginPage next={defaultNext} error={formIncomplete} />, 400);
    const { name, password } = parsed.data;
    const next = safeNextPath(parsed.data.next, c.var.origin);
    const cookies = sessionCookies(c.var.transport);
    const now = Date.now();
    const outcome = await signIn(c.var.db, { name, password, address: clientAddress(c), deviceToken: getCookie(c, cookies.device) }, actorOf(c), now);
    if (outcome.kind !== 'signedIn') {
      if (outcome.kind === 'wait') c.header('Retry-After', String(secondsUntil(outcome.retryAt, now)));
      return c.html(<LoginPage next={next} name={name} error={refusalInWords(outcome, now)} />, refusalStatus[outcome.kind]);
    }
    setCookie(c, cookies.session, outcome.sessionToken, { ...cookies.options, maxAge: cookieSeconds.session });
    if (outcome.newDeviceToken) setCookie(c, cookies.device, outcome.newDeviceToken, { ...cookies.options, maxAge: cookieSeconds.knownDevice });
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
