// One ward for the officer: status buttons, then the entry form (or the review).
import type { Child } from 'hono/jsx';
import type { ContestSnapshot } from '../../db/results';
import { Layout } from '../Layout';
import { PendingBanner } from './PendingBanner';

export interface ContestPageProps {
  electionId: string;
  contest: ContestSnapshot;
  signedIn: { name: string; csrfToken: string };
  children: Child;
}

const statusLabel: Record<ContestSnapshot['status'], string> = {
  awaiting: 'Awaiting count',
  counting: 'Counting',
  recount: 'Recount',
  declared: 'Declared',
  uncontested: 'Uncontested',
  postponed: 'Postponed',
};

export function StatusBar({ contest, csrfToken }: { contest: ContestSnapshot; csrfToken: string }) {
  const open = contest.status !== 'declared' && contest.status !== 'uncontested';
  return (
    <div id="status" class="status-bar">
      <p>
        Status: <strong class={`status status-${contest.status}`}>{statusLabel[contest.status]}</strong>
        {contest.versions.length > 0 && ` (version ${contest.versions.at(-1)!.version})`}
      </p>
      {open && (
        <form method="post" action={`/officer/contests/${encodeURIComponent(contest.id)}/status`} class="status-buttons"
          hx-post={`/officer/contests/${encodeURIComponent(contest.id)}/status`} hx-target="#status" hx-swap="outerHTML">
          <input type="hidden" name="_csrf" value={csrfToken} />
          {(['counting', 'recount', 'postponed'] as const).map((s) => (
            <button type="submit" name="status" value={s} class="secondary" disabled={contest.status === s}>
              {statusLabel[s]}
            </button>
          ))}
        </form>
      )}
    </div>
  );
}

export function ContestPage({ electionId, contest, signedIn, children }: ContestPageProps) {
  return (
    <Layout title={`${contest.name} · Declare`} signedIn={signedIn} scripts={['/static/officer.js']}>
      <PendingBanner />
      <p class="crumbs">
        <a href={`/officer/elections/${encodeURIComponent(electionId)}`}>All wards</a>
      </p>
      <h1>{contest.name}</h1>
      <StatusBar contest={contest} csrfToken={signedIn.csrfToken} />
      {children}
    </Layout>
  );
}
