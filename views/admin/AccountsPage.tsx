// Admin → Accounts: every user with their API tokens and what can be done about each.
import type { ApiTokenListing, UserRow } from '../../db/users';
import { Layout, type SignedIn } from '../Layout';
import { londonDateTime } from '../shared/londonTime';
import { ElectionLinks, type ElectionListing } from './ElectionLinks';
import { PostButton } from './PostButton';

export interface AccountsPageProps {
  users: UserRow[];
  tokens: ApiTokenListing[];
  /** The elections, each with links to its settings, the current one marked. */
  elections: ElectionListing[];
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
      <ul class="plain">
        <li>
          <a href="/admin/status">Status</a>: the database, each social channel's queue, and what to fix before the night.
        </li>
        <li>
          <a href="/admin/elections/new">Upload an election</a>: the definition file, or Democracy Club's candidates CSV.
        </li>
        {elections.map((e) => (
          <ElectionLinks election={e} csrf={csrf} />
        ))}
        <li>
          <a href="/admin/social">Social posts</a>: channels, wording, and every post with its state.
        </li>
        <li>
          <a href="/admin/subscribers">Newsroom subscribers</a>: newsrooms' systems that get every declaration and correction pushed to them.
        </li>
        <li>
          <a href="/admin/export">Export and backup</a>: each election as one file, a backup of the database, and the replay of an export.
        </li>
        <li>
          <a href="/admin/audit">Audit log</a>: every change, who made it and when, by ward or person; as CSV too.
        </li>
      </ul>
      {notice && <p role="status">{notice}</p>}
      <table class="votes stacks-on-phone">
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
                <th scope="row" class="breaks-anywhere">
                  {u.name}
                  {u.disabled && <> <strong>(disabled)</strong></>}
                </th>
                <td>{u.role}</td>
                <td>
                  {own.length === 0 ? (
                    <span class="muted">No API tokens</span>
                  ) : (
                    <ul>
                      {own.map((t) => (
                        <li>
                          {t.name}, made <time datetime={t.createdAt}>{londonDateTime(t.createdAt)}</time>,{' '}
                          {t.lastUsedAt ? (
                            <>
                              last used <time datetime={t.lastUsedAt}>{londonDateTime(t.lastUsedAt)}</time>
                            </>
                          ) : (
                            'never used'
                          )}
                          <PostButton action={`${path}/tokens/${encodeURIComponent(t.tokenHash)}/revoke`} label={`Revoke ${t.name}`} csrf={csrf} />
                        </li>
                      ))}
                    </ul>
                  )}
                  <form method="post" action={`${path}/tokens`} class="inline-form">
                    <input type="hidden" name="_csrf" value={csrf} />
                    <label for={`token-${u.id}`}>New token's name</label>
                    <input id={`token-${u.id}`} name="label" placeholder="count software" />
                    <button type="submit" class="secondary">
                      Make an API token
                    </button>
                  </form>
                </td>
                <td>
                  <PostButton action={`${path}/reset-password`} label="Reset password" csrf={csrf} />
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
      <h2>Add a person</h2>
      <form method="post" action="/admin/users">
        <input type="hidden" name="_csrf" value={csrf} />
        <div class="field">
          <label for="new-name">User name</label>
          <input id="new-name" name="name" autocomplete="off" />
        </div>
        <div class="field">
          <label for="new-role">Role</label>
          <select id="new-role" name="role">
            <option value="officer">Officer: enters results at the count</option>
            <option value="admin">Admin: runs Declare, accounts included</option>
          </select>
        </div>
        <button type="submit" class="primary">
          Add, and show their password
        </button>
      </form>
      <p class="muted">
        A new person's password, and a reset one, is shown once on the next page: give it to them in person. Disabling stops the user's sessions and API tokens at once; enabling again lets them sign in, and their API
        tokens work again. "Unlock sign-in" ends any wait after wrong passwords.
      </p>
    </Layout>
  );
}
