// The admin's accounts screen: API tokens, disabling users, signing out everywhere (a lost
// phone at the count), unlocking sign-in. Every action is audited by the db function it calls.
import { Hono, type Context } from 'hono';
import { currentElectionId } from '../../db/currentElection';
import { listElections } from '../../db/results';
import { endUserSessions } from '../../db/sessions';
import { unlockSignIn } from '../../db/signInThrottle';
import {
  addApiToken,
  createUser,
  DuplicateUserError,
  findApiToken,
  findUserById,
  listLiveApiTokens,
  listUsers,
  resetPassword,
  revokeApiTokens,
  setUserDisabled,
  type UserRow,
} from '../../db/users';
import { accountNotices, isAccountNoticeCode, type AccountNoticeCode } from '../../views/admin/accountNotices';
import { AccountsPage } from '../../views/admin/AccountsPage';
import { madeCurrentNotice } from '../../views/admin/ElectionLinks';
import { RefusedPage } from '../../views/admin/RefusedPage';
import { NewPasswordPage, NewPersonPage, NewTokenPage } from '../../views/admin/NewSecretPages';
import { generatePassword, hashPassword } from '../auth/password';
import { hashToken, newApiToken } from '../auth/secrets';
import { newPersonForm, newTokenForm } from '../validation/accountForms';
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

const refusedForm = (c: Ctx, title: string, message: string) =>
  c.html(<RefusedPage title={title} message={`${message} Nothing was changed.`} signedIn={signedIn(c)} />, 422);

/** The user named in the path. */
const userParam = (c: Ctx) => findUserById(c.var.db, c.req.param('userId') ?? '');
const noSuchUser = (c: Ctx) => c.json({ error: 'not_found', message: 'There is no such user.' }, 404);

export const admin = new Hono<AppEnv>()
  .use('/admin', requireRole('admin'))
  .use('/admin/*', requireRole('admin'))
  .get('/admin', async (c) => {
    const [users, tokens, elections, currentId, notice] = await Promise.all([
      listUsers(c.var.db),
      listLiveApiTokens(c.var.db),
      listElections(c.var.db),
      currentElectionId(c.var.db),
      noticeOf(c),
    ]);
    const current = elections.find((e) => e.id === currentId);
    const said = c.req.query('done') === 'current' && current ? madeCurrentNotice(current.name) : notice;
    const listed = elections.map((e) => ({ ...e, current: e.id === currentId }));
    return c.html(<AccountsPage users={users} tokens={tokens} elections={listed} notice={said} signedIn={signedIn(c)} publicUrlMissing={!c.var.publicUrlSet} />);
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
      return refusedForm(c, 'Not disabled', 'You cannot disable your own account here: ask another admin, or use the command line.');
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
  .post('/admin/users', async (c) => {
    const parsed = newPersonForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return refusedForm(c, 'Nobody was added', parsed.error.issues[0]!.message);
    const { name, role } = parsed.data;
    const password = generatePassword();
    try {
      await createUser(c.var.db, { name, role, passwordHash: await hashPassword(password) }, actorOf(c));
    } catch (error) {
      if (error instanceof DuplicateUserError) return refusedForm(c, 'Nobody was added', `${error.message} Choose another name.`);
      throw error;
    }
    return c.html(<NewPersonPage name={name} role={role} password={password} signedIn={signedIn(c)} />);
  })
  .post('/admin/users/:userId/reset-password', async (c) => {
    const user = await userParam(c);
    if (!user) return noSuchUser(c);
    const password = generatePassword();
    await resetPassword(c.var.db, user.id, await hashPassword(password), actorOf(c));
    return c.html(<NewPasswordPage name={user.name} password={password} signedIn={signedIn(c)} />);
  })
  .post('/admin/users/:userId/tokens', async (c) => {
    const user = await userParam(c);
    if (!user) return noSuchUser(c);
    const parsed = newTokenForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return refusedForm(c, 'No token was made', parsed.error.issues[0]!.message);
    const token = newApiToken();
    await addApiToken(c.var.db, user.id, parsed.data.label, await hashToken(token), actorOf(c));
    return c.html(<NewTokenPage name={user.name} label={parsed.data.label} token={token} signedIn={signedIn(c)} />);
  })
  .post('/admin/users/:userId/tokens/:tokenHash/revoke', async (c) => {
    const user = await userParam(c);
    if (!user) return noSuchUser(c);
    const tokenHash = c.req.param('tokenHash');
    await revokeApiTokens(c.var.db, user.id, { tokenHash }, actorOf(c));
    return done(c, 'token-revoked', user, `&token=${encodeURIComponent(tokenHash)}`);
  });
