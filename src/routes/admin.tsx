// The admin's screens: accounts, and ending a user's sessions (a lost phone at the count).
import { Hono } from 'hono';
import { endUserSessions } from '../../db/sessions';
import { findUserById, listUsers } from '../../db/users';
import { Layout } from '../../views/Layout';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { actorOf } from './actor';

export const admin = new Hono<AppEnv>()
  .use('/admin', requireRole('admin'))
  .use('/admin/*', requireRole('admin'))
  .get('/admin', async (c) => {
    const viewer = c.var.viewer!;
    const users = await listUsers(c.var.db);
    const ended = c.req.query('ended');
    return c.html(
      <Layout title="Admin · Declare" signedIn={{ name: viewer.user.name, csrfToken: viewer.csrfToken ?? '' }}>
        <h1>Accounts</h1>
        <p>
          <a href="/admin/social">Social posts</a>: channels, wording, and every post with its state.
        </p>
        {ended && <p role="status">Signed out {ended} everywhere.</p>}
        <table class="votes">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Role</th>
              <th scope="col"><span class="muted">Sessions</span></th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <th scope="row">{u.name}</th>
                <td>{u.role}</td>
                <td>
                  <form method="post" action={`/admin/users/${encodeURIComponent(u.id)}/end-sessions`}>
                    <input type="hidden" name="_csrf" value={viewer.csrfToken ?? ''} />
                    <button type="submit" class="secondary">Sign out everywhere</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Layout>,
    );
  })
  .post('/admin/users/:userId/end-sessions', async (c) => {
    const user = await findUserById(c.var.db, c.req.param('userId'));
    if (!user) return c.json({ error: 'not_found', message: 'There is no such user.' }, 404);
    await endUserSessions(c.var.db, user.id, actorOf(c));
    return c.redirect(`/admin?ended=${encodeURIComponent(user.name)}`, 303);
  });
