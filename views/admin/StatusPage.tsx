// Admin → Status: the server's health on the night at a glance, warnings first.
import { durationInWords, formatNumber } from '../../src/domain/format';
import type { ChannelStatus, NightStatus } from '../../src/status/nightStatus';
import { Layout, type SignedIn } from '../Layout';
import { londonDateTime } from '../shared/londonTime';

function When({ iso }: { iso: string }) {
  return <time datetime={iso}>{londonDateTime(iso, 'second')}</time>;
}

/** 204800 → "200 KB"; 3_500_000 → "3.3 MB". */
function sizeInWords(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const setupWords = { on: 'Set up', incomplete: 'Half set up (off)', off: 'Not set up' } as const;

function ChannelRow({ channel, now }: { channel: ChannelStatus; now: number }) {
  const age = (iso: string) => durationInWords(now - Date.parse(iso));
  return (
    <tr id={`channel-${channel.name}`}>
      <th scope="row">{channel.label}</th>
      <td>
        {setupWords[channel.setup]}
        {channel.paused && <div><strong>Paused</strong></div>}
        {channel.holdForApproval && <div>Holding posts for approval</div>}
        {channel.rateLimitedUntil && (
          <div>
            <strong>Rate-limited</strong> until <When iso={channel.rateLimitedUntil} />
          </div>
        )}
      </td>
      <td>
        {channel.waiting === 0 ? (
          <span class="muted">Nothing waiting</span>
        ) : (
          <>
            {channel.waiting} waiting{channel.held > 0 && ` (${channel.held} held)`}
            {channel.oldestWaitingSince && <div>the oldest queued {age(channel.oldestWaitingSince)} ago</div>}
          </>
        )}
        {channel.failed > 0 && (
          <div>
            <a href="/admin/social?status=failed#outbox">{channel.failed} failed</a>
          </div>
        )}
      </td>
      <td data-label="Last post">{channel.lastPostedAt ? <When iso={channel.lastPostedAt} /> : <span class="muted">None yet</span>}</td>
    </tr>
  );
}

export function StatusPage({ status, signedIn }: { status: NightStatus; signedIn: SignedIn }) {
  const now = Date.parse(status.checkedAt);
  const { database, started } = status;
  return (
    <Layout title="Status · Admin · Declare" signedIn={signedIn}>
      <p class="crumbs">
        <a href="/admin">Admin</a>
      </p>
      <h1>Status</h1>
      <p class="muted">
        As at <When iso={status.checkedAt} /> (UK time). Reload for the latest.
      </p>
      {status.warnings.length > 0 ? (
        <div class="error-summary" role="alert">
          <h2>To fix</h2>
          <ul>
            {status.warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p role="status">Nothing to fix.</p>
      )}

      <h2>Server</h2>
      <dl class="figures">
        <dt>Database</dt>
        <dd>
          {database.answers ? `Answers (in ${Math.max(1, Math.round(database.tookMs))} ms)` : <strong>Does not answer</strong>}
        </dd>
        <dt>Database size</dt>
        <dd>{database.sizeBytes === null ? 'Not known' : sizeInWords(database.sizeBytes)}</dd>
        <dt>Up for</dt>
        <dd>
          {durationInWords(now - started.at)},{' '}
          {started.kind === 'process' ? (
            <>since the server process started at <When iso={new Date(started.at).toISOString()} /></>
          ) : (
            <>
              since this copy of the server first answered, at <When iso={new Date(started.at).toISOString()} />. On Cloudflare
              Workers this is one isolate: Cloudflare runs several and starts new ones at will, so it is not how long the site
              has been up.
            </>
          )}
        </dd>
        <dt>Version</dt>
        <dd>{status.version}</dd>
      </dl>

      <h2>Social channels</h2>
      {status.channels.length > 0 && (
        <table class="votes stacks-on-phone">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">State</th>
              <th scope="col">Queue</th>
              <th scope="col">Last post</th>
            </tr>
          </thead>
          <tbody>
            {status.channels.map((channel) => (
              <ChannelRow channel={channel} now={now} />
            ))}
          </tbody>
        </table>
      )}
      {status.notSetUp.length > 0 && <p class="muted">Not set up: {status.notSetUp.join(', ')}.</p>}
      <p>
        <a href="/admin/social">Social posts</a>: pause or resume a channel, and every post with its state.
      </p>
    </Layout>
  );
}
