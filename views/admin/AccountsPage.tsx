// Admin → Accounts: every user with their API tokens and what can be done about each.
import type { ApiTokenListing, UserRow } from '../../db/users';
import { Layout, type SignedIn } from '../Layout';
import { londonDateTime } from '../public/londonTime';
import { PostButton } from './PostButton';

export interface AccountsPageProps {
  users: UserRow[];
  tokens: ApiTokenListing[];
  /** The elections, each with links to its timetable and its second-pair-of-eyes setting. */
  elections: { id: string; name: string; secondPairOfEyes: boolean }[];
  /** Fixed words for what was just done (views/admin/accountNotices.ts), or nothing. */
  notice: string | null;
  signedIn: SignedIn;
  /** PUBLIC_URL is not set: posts and feeds link to whichever address served the request. */
  publicUrlMissing: boolean;
}

export function AccountsPage({ users, tokens, elections, notice, signedIn, publicUrlMissing }: AccountsPageProps) {
  const csrf = signedIn.csrfToken;
  return (
    <Layout title="Admin · Declare" signedIn={signedIn}>
      <h1>Accounts</h1>
      {publicUrlMissing && (
        <div class="error-summary" role="alert">
          <h2>PUBLIC_URL is not set</h2>
          <p>
            Social posts, feeds and the widget link to whichever address served the request. Set <code>PUBLIC_URL</code> to the
            results site's public address (on Cloudflare under <code>[vars]</code> in <code>wrangler.toml</code>; on Node in the
            environment) before the night.
          </p>
        </div>
      )}
      <p>
        <a href="/admin/social">Social posts</a>: channels, wording, and every post with its state.
      </p>
      <p>
        <a href="/admin/subscribers">Newsroom subscribers</a>: newsrooms' systems that get every declaration and correction pushed to them.
      </p>
      {elections.map((e) => (
        <>
          <p>
            <a href={`/admin/elections/${encodeURIComponent(e.id)}/timetable`}>Timetable</a> of {e.name}: when results start and when each ward is expected.
          </p>
          <p>
            <a href={`/admin/elections/${encodeURIComponent(e.id)}/second-pair-of-eyes`}>Second pair of eyes</a> of {e.name}:{' '}
            <strong>{e.secondPairOfEyes ? 'on' : 'off'}</strong> ({e.secondPairOfEyes ? 'a second officer must confirm each result' : 'each result is published when declared'}).
          </p>
        </>
      ))}
      {notice && <p role="status">{notice}</p>}
      <table class="votes">
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            <th scope="col">API tokens</th>
            <th scope="col"><span class="muted">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const path = `/admin/users/${encodeURIComponent(u.id)}`;
            const own = tokens.filter((t) => t.userId === u.id);
            return (
              <tr>
                <th scope="row">
                  {u.name}
                  {u.disabled && <> <strong>(disabled)</strong></>}
                </th>
                <td>{u.role}</td>
                <td>
                  {own.length === 0 ? (
                    <span class="muted">None</span>
                  ) : (
                    <ul>
                      {own.map((t) => (
                        <li>
                          {t.name}, made <time datetime={t.createdAt}>{londonDateTime(t.createdAt)}</time>
                          <PostButton action={`${path}/tokens/${encodeURIComponent(t.tokenHash)}/revoke`} label={`Revoke ${t.name}`} csrf={csrf} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <PostButton action={`${path}/end-sessions`} label="Sign out everywhere and revoke API tokens" csrf={csrf} />
                  <PostButton action={`${path}/unlock`} label="Unlock sign-in" csrf={csrf} />
                  {u.disabled ? (
                    <PostButton action={`${path}/enable`} label="Enable" csrf={csrf} />
                  ) : (
                    <PostButton action={`${path}/disable`} label="Disable" csrf={csrf} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="muted">
        Disabling stops the user's sessions and API tokens at once; enabling again lets them sign in, and their API
        tokens work again. "Unlock sign-in" ends any wait after wrong passwords.
      </p>
    </Layout>
  );
}
