// Signing in and out with a password and a server-side session.
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { LoginPage } from '../../views/officer/LoginPage';
import { createSession, deleteSession, failedLoginsSince, pruneLoginAttempts, recordLoginAttempt } from '../../db/sessions';
import { findUserByName } from '../../db/users';
import { requireRole, sessionCookie } from '../auth/middleware';
import { defaultNext, safeNextPath } from '../auth/nextPath';
import { hashPassword, verifyPassword } from '../auth/password';
import { hashToken, randomToken } from '../auth/secrets';
import type { AppEnv } from '../env';

const sessionHours = 12;
// Per account, not per IP: a whole count venue shares one IP address.
const maxFailuresPerHour = 100;

const loginForm = z.object({
  name: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
  next: z.string().optional(),
});


// Verifying against this when the account does not exist keeps the timing the same, so a
// response time does not reveal which user names exist. Made on first use, not when the
// module loads: workerd refuses random values at module scope, and the Worker would not start.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword(randomToken()));

export const login = new Hono<AppEnv>()
  .get('/login', (c) => c.html(<LoginPage next={safeNextPath(c.req.query('next'), c.var.origin)} />))
  .post('/login', async (c) => {
    const parsed = loginForm.safeParse(await c.req.parseBody());
    if (!parsed.success) {
      return c.html(<LoginPage next={defaultNext} error="Enter your user name and password." />, 400);
    }
    const { name, password, next } = parsed.data;
    const db = c.var.db;
    const now = new Date();
    const hourAgo = new Date(now.getTime() - 3600_000).toISOString();
    if ((await failedLoginsSince(db, name, hourAgo)) >= maxFailuresPerHour) {
      return c.html(
        <LoginPage next={safeNextPath(next, c.var.origin)} name={name} error="Too many failed sign-ins for this account in the last hour. Wait, or ask an admin to check the account." />,
        429,
      );
    }
    const user = await findUserByName(db, name);
    const matches = await verifyPassword(password, user?.passwordHash ?? (await decoy()));
    const ok = !!user && !user.disabled && matches;
    await recordLoginAttempt(db, name, ok, now.toISOString());
    if (!ok) {
      return c.html(<LoginPage next={safeNextPath(next, c.var.origin)} name={name} error="That user name and password do not match." />, 401);
    }
    await pruneLoginAttempts(db, new Date(now.getTime() - 24 * 3600_000).toISOString());
    // A new token at every login: a token planted before login is never promoted.
    const token = randomToken();
    await createSession(db, {
      tokenHash: await hashToken(token),
      userId: user.id,
      csrfToken: randomToken(),
      expiresAt: new Date(now.getTime() + sessionHours * 3600_000).toISOString(),
    });
    setCookie(c, sessionCookie, token, { path: '/', secure: true, httpOnly: true, sameSite: 'Lax', maxAge: sessionHours * 3600 });
    return c.redirect(safeNextPath(next, c.var.origin), 303);
  })
  .post('/logout', requireRole('officer'), async (c) => {
    const hash = c.var.viewer?.sessionHash;
    if (hash) await deleteSession(c.var.db, hash);
    deleteCookie(c, sessionCookie, { path: '/', secure: true });
    return c.redirect('/login', 303);
  });
