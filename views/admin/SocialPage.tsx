// Admin → Social posts: the channels (on or off by environment, never showing a secret),
// their pause and hold switches, and the whole outbox.
import type { OutboxEntry, OutboxStatus } from '../../db/outbox';
import { Layout, type SignedIn } from '../Layout';
import { OutboxTable } from './OutboxTable';
import type { ChannelOverview } from './socialOverview';

export interface SocialPageProps {
  channels: ChannelOverview[];
  rows: OutboxEntry[];
  filter: OutboxStatus | null;
  publicUrl: string;
  signedIn: SignedIn;
  message?: string | null;
}

const filters: { status: OutboxStatus | null; label: string }[] = [
  { status: null, label: 'All' },
  { status: 'failed', label: 'Failed' },
  { status: 'held', label: 'Held' },
  { status: 'pending', label: 'Queued' },
  { status: 'posted', label: 'Posted' },
  { status: 'cancelled', label: 'Not posted' },
];

const countWords: [OutboxStatus, string][] = [
  ['posted', 'posted'],
  ['pending', 'queued'],
  ['sending', 'sending'],
  ['held', 'held'],
  ['failed', 'failed'],
];

/** "3 posted, 1 failed"; "none yet". */
function countsInWords(counts: ChannelOverview['counts']): string {
  const parts = countWords.filter(([status]) => (counts[status] ?? 0) > 0).map(([status, word]) => `${counts[status]} ${word}`);
  return parts.length ? parts.join(', ') : 'none yet';
}

function Switch({ channel, field, on, label, csrfToken }: { channel: string; field: 'paused' | 'holdForApproval' | 'postUpdates'; on: boolean; label: [string, string]; csrfToken: string }) {
  return (
    <form method="post" action={`/admin/social/channels/${channel}/settings`}>
      <input type="hidden" name="_csrf" value={csrfToken} />
      <input type="hidden" name={field} value={on ? 'off' : 'on'} />
      <button type="submit" class="secondary">
        {on ? label[1] : label[0]}
      </button>
    </form>
  );
}

export function SocialPage({ channels, rows, filter, publicUrl, signedIn, message }: SocialPageProps) {
  return (
    <Layout title="Social posts · Admin · Declare" signedIn={signedIn}>
      <p class="crumbs">
        <a href="/admin">Admin</a>
      </p>
      <h1>Social posts</h1>
      {message && <p role="status">{message}</p>}
      <p>
        Posts link to <code>{publicUrl}</code> (PUBLIC_URL
        {/^https?:\/\/localhost[:/]/.test(publicUrl) ? ': set it to the public results site before election night' : ''}). A
        channel is on when its credentials are set in the server's environment; they are never shown here.
      </p>
      <table class="votes channels stacks-on-phone">
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Set up</th>
            <th scope="col">Posts</th>
            <th scope="col">
              <span class="visually-hidden">Switches</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {channels.map((ch) => (
            <tr id={`channel-${ch.name}`}>
              <th scope="row">
                {ch.label}
                <div class="muted">
                  {ch.state === 'on' ? 'On' : ch.state === 'incomplete' ? 'Off: some settings missing' : 'Off'}
                  {ch.settings.paused && ' · paused'}
                  {ch.settings.holdForApproval && ' · holding posts for approval'}
                  {!ch.settings.postUpdates && ' · not posting updates from the count'}
                  {ch.settings.blockedUntil && ch.settings.blockedUntil > new Date().toISOString() && ` · rate limited until ${ch.settings.blockedUntil.slice(11, 19)} UTC`}
                </div>
              </th>
              <td>
                <ul class="plain">
                  {ch.variables.map((v) => (
                    <li>
                      <code>{v.name}</code> {v.set ? 'set' : <span class="muted">not set</span>}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {countsInWords(ch.counts)}
              </td>
              <td>
                {ch.state === 'on' && (
                  <>
                    <Switch channel={ch.name} field="paused" on={ch.settings.paused} label={['Pause', 'Resume']} csrfToken={signedIn.csrfToken} />
                    <Switch channel={ch.name} field="holdForApproval" on={ch.settings.holdForApproval} label={['Hold posts for approval', 'Post without approval']} csrfToken={signedIn.csrfToken} />
                    <Switch channel={ch.name} field="postUpdates" on={ch.settings.postUpdates} label={['Post updates from the count', "Don't post updates from the count"]} csrfToken={signedIn.csrfToken} />
                  </>
                )}
                <a href={`/admin/social/channels/${ch.name}`}>Wording</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="outbox">Outbox</h2>
      <p>
        Show:{' '}
        {filters.map((f, i) => (
          <>
            {i > 0 && ' · '}
            {f.status === filter ? <strong>{f.label}</strong> : <a href={f.status ? `/admin/social?status=${f.status}#outbox` : '/admin/social#outbox'}>{f.label}</a>}
          </>
        ))}
      </p>
      <OutboxTable rows={rows} csrfToken={signedIn.csrfToken} />
    </Layout>
  );
}
