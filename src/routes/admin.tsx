// The admin's accounts screen: API tokens, disabling users, signing out everywhere (a lost
// phone at the count), unlocking sign-in. Every action is audited by the db function it calls.
import { Hono, type Context } from 'hono';
import { listElections } from '../../db/results';
import { endUserSessions } from '../../db/sessions';
import { unlockSignIn } from '../../db/signInThrottle';
import { findApiToken, findUserById, listLiveApiTokens, listUsers, revokeApiTokens, setUserDisabled, type UserRow } from '../../db/users';
import { accountNotices, isAccountNoticeCode, type AccountNoticeCode } from '../../views/admin/accountNotices';
import { AccountsPage } from '../../views/admin/AccountsPage';
import { RefusedPage } from '../../views/admin/RefusedPage';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { signedIn } from './signedIn';
import { actorOf } from './actor';

type Ctx = Context<AppEnv>;

/** The fixed words for ?done=<code>&user=<id>[&token=<hash>]; nothing for anything else. */
async function noticeOf(c: Ctx): Promise<string | null> {
  const code = c.req.query('done');
  const user = await findUserById(c.var.db, c.req.query('user') ?? '');
  if (!user || !isAccountNoticeCode(code)) return null;
  if (code !== 'token-revoked') return accountNotices[code](user.name);
  const token = await findApiToken(c.var.db, user.id, c.req.query('token') ?? '');
  return token ? accountNotices[code](user.name, token.name) : null;
}

const done = (c: Ctx, code: AccountNoticeCode, user: UserRow, extra = '') =>
  c.redirect(`/admin?done=${code}&user=${encodeURIComponent(user.id)}${extra}`, 303);


/** The user named in the path. */
const userParam = (c: Ctx) => findUserById(c.var.db, c.req.param('userId') ?? '');
const noSuchUser = (c: Ctx) => c.json({ error: 'not_found', message: 'There is no such user.' }, 404);

export const admin = new Hono<AppEnv>()
  .use('/admin', requireRole('admin'))
  .use('/admin/*', requireRole('admin'))
  .get('/admin', async (c) => {
    const [users, tokens, elections, notice] = await Promise.all([listUsers(c.var.db), listLiveApiTokens(c.var.db), listElections(c.var.db), noticeOf(c)]);
    return c.html(<AccountsPage users={users} tokens={tokens} elections={elections} notice={notice} signedIn={signedIn(c)} publicUrlMissing={!c.var.publicUrlSet} />);
  })
  .post('/admin/users/:userId/end-sessions', async (c) => {
    const user = await userParam(c);
    if (!user) return noSuchUser(c);
    await endUserSessions(c.var.db, user.id, actorOf(c));
    return done(c, 'signed-out', user);
  })
  .post('/admin/users/:userId/unlock', async (c) => {
    const user = await userParam(c);
    if (!user) return noSuchUser(c);
    await unlockSignIn(c.var.db, user, actorOf(c));
    return done(c, 'unlocked', user);
  })
  .post('/admin/users/:userId/disable', async (c) => {
    const user = await userParam(c);
    if (!user) return noSuchUser(c);
    if (user.id === c.var.viewer!.user.id) {
      const message = 'You cannot disable your own account here: ask another admin, or use the command line. Nothing was changed.';
      return c.html(<RefusedPage title="Not disabled" message={message} signedIn={signedIn(c)} />, 422);
    }
    await setUserDisabled(c.var.db, user.id, true, actorOf(c));
    return done(c, 'disabled', user);
  })
  .post('/admin/users/:userId/enable', async (c) => {
    const user = await userParam(c);
    if (!user) return noSuchUser(c);
    await setUserDisabled(c.var.db, user.id, false, actorOf(c));
    return done(c, 'enabled', user);
  })
  .post('/admin/users/:userId/tokens/:tokenHash/revoke', async (c) => {
    const user = await userParam(c);
    if (!user) return noSuchUser(c);
    const tokenHash = c.req.param('tokenHash');
    await revokeApiTokens(c.var.db, user.id, { tokenHash }, actorOf(c));
    return done(c, 'token-revoked', user, `&token=${encodeURIComponent(tokenHash)}`);
  });
