// Admin → Export: each election as one file to keep or to replay elsewhere, a backup of the
// whole database where there is a file to copy (Node), and the replay of an export.
import type { ReplaySummary } from '../../src/archive/replayElection';
import { countOf } from '../../src/domain';
import { publishable } from '../../src/domain/text';
import { Layout, type SignedIn } from '../Layout';
import { electionPath } from '../../src/http/paths';
import { ProblemSummary } from '../shared/ProblemSummary';

export interface ExportPageProps {
  elections: { id: string; name: string }[];
  /** Whether this runtime has a database file to back up (Node), rather than D1. */
  backupOffered: boolean;
  /** The replay just made. */
  replayed?: ReplaySummary | null;
  /** Why the uploaded export was not replayed. */
  problems?: string[];
  signedIn: SignedIn;
}

function Replayed({ summary }: { summary: ReplaySummary }) {
  return (
    <div class="notice" role="status">
      <p>
        Replayed {publishable(summary.name)}: {countOf(summary.wards, 'ward', 'wards')}, {countOf(summary.declarations, 'declaration', 'declarations')} (every
        version), {countOf(summary.posts, 'post', 'posts')} and {countOf(summary.auditEntries, 'audit entry', 'audit entries')}.
      </p>
      {summary.postsWaiting > 0 && (
        <p>
          {countOf(summary.postsWaiting, 'post', 'posts')} had not gone out before the export: {summary.postsWaiting === 1 ? 'it waits' : 'they wait'} under{' '}
          <a href="/admin/social">Social posts</a> for you to approve or cancel. Nothing is posted again by itself.
        </p>
      )}
      {summary.notes.map((note) => (
        <p>{publishable(note)}</p>
      ))}
      <p>
        <a href={electionPath(summary.electionId)}>Its results page</a>
      </p>
    </div>
  );
}

export function ExportPage({ elections, backupOffered, replayed = null, problems = [], signedIn }: ExportPageProps) {
  return (
    <Layout title={`${problems.length ? 'Error: ' : ''}Export and backup · Declare`} signedIn={signedIn}>
      <p class="crumbs">
        <a href="/admin">Admin</a>
      </p>
      <h1>Export and backup</h1>
      {replayed && <Replayed summary={replayed} />}
      <ProblemSummary title="The export cannot be replayed: nothing was changed" problems={problems} />

      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Export an election</h2>
        <p>
          One JSON file with the whole election: its definition and timetable, every version of every declaration with its figures, reason, confirmed
          warnings, who made it and when, the wards' statuses and verification statements, any declaration awaiting a second pair of eyes, every social post and delivery with its state and the
          platform's id, the newsroom subscribers and the audit trail. It holds no password, token or subscriber secret.
        </p>
        {elections.length === 0 ? (
          <p class="muted">There is no election on this site yet.</p>
        ) : (
          <ul class="plain">
            {elections.map((e) => (
              <li>
                <form method="get" action={`/admin/export/${encodeURIComponent(e.id)}`}>
                  <button type="submit" class="secondary">
                    Download the export of {publishable(e.name)}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="backup-heading">
        <h2 id="backup-heading">Back up the whole database</h2>
        {backupOffered ? (
          <>
            <p>
              A copy of the SQLite database file as it stands at one moment, made while declarations keep arriving: every election, account and
              post. It holds password and token hashes and the subscribers' secrets, so keep it as safe as the server.
            </p>
            <form method="get" action="/admin/backup">
              <button type="submit" class="secondary">
                Download a SQLite backup
              </button>
            </form>
          </>
        ) : (
          <p>
            This site runs on Cloudflare Workers, where the database is D1 and there is no file to download here. Take a copy with{' '}
            <code>npx wrangler d1 export declare --remote --output declare-backup.sql</code> before the polls close and after the last declaration; D1's
            Time Travel also keeps 30 days (<code>npx wrangler d1 time-travel info declare</code>).
          </p>
        )}
      </section>

      <section aria-labelledby="replay-heading">
        <h2 id="replay-heading">Replay an export</h2>
        <p>
          Loads an election from its export into this site, which must not have that election yet: the same results pages, feeds and history, with
          the same ids and times. Posts already made are kept as posted and never sent again; posts that had not gone out wait for an admin. The
          people named in it are added as accounts that cannot sign in.
        </p>
        <form method="post" action="/admin/replay" enctype="multipart/form-data">
          <input type="hidden" name="_csrf" value={signedIn.csrfToken} />
          <div class="field">
            <label for="export-file">The export (.json)</label>
            <input type="file" id="export-file" name="file" accept=".json,application/json" required />
          </div>
          <button type="submit" class="primary">
            Replay
          </button>
        </form>
      </section>
    </Layout>
  );
}
