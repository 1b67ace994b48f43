// One ward for the officer: status buttons, then the entry form (or the review).
import type { Child } from 'hono/jsx';
import type { ContestSnapshot } from '../../db/results';
import { isOpenContest } from '../../src/declare/contestOpen';
import type { SettableStatus } from '../../src/domain/contestStatus';
import { Layout, type SignedIn } from '../Layout';
import { PendingBanner } from './PendingBanner';
import { SecondPairOfEyesNote } from './SecondPairOfEyesNote';
import { officerContestPath, officerElectionPath } from '../../src/http/paths';

/** The ones with a button: going back to "awaiting" is for the API, after a mistake. */
const statusButtons = ['counting', 'recount', 'postponed'] as const satisfies readonly SettableStatus[];

export interface StatusNotice {
  /** A status pressed but not yet confirmed: the bar asks first. */
  asking?: SettableStatus;
  /** A status just set: the bar says so. */
  changed?: SettableStatus;
}

export interface ContestPageProps {
  electionId: string;
  contest: ContestSnapshot;
  signedIn: SignedIn;
  /** Whether each result waits for a second officer's matching entry. */
  secondPairOfEyes: boolean;
  status?: StatusNotice;
  /** The page answers a refused form: its title says so first, as screen readers read it. */
  hasError?: boolean;
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

/**
 * The ward's status, and buttons to change it. A status shows on the public page at once, so
 * a press first asks ("Mark Rainham North as recount?"), and a confirmed change is said.
 */
export function StatusBar({ contest, csrfToken, asking, changed }: { contest: ContestSnapshot; csrfToken: string } & StatusNotice) {
  const open = isOpenContest(contest);
  const action = `${officerContestPath(contest.id)}/status`;
  const htmx = { 'hx-post': action, 'hx-target': '#status', 'hx-swap': 'outerHTML' };
  return (
    <div id="status" class="status-bar">
      <p>
        Status: <strong class={`status status-${contest.status}`}>{statusLabel[contest.status]}</strong>
        {contest.versions.length > 0 && ` (version ${contest.versions.at(-1)!.version})`}
      </p>
      {changed && (
        <p class="notice" role="status">
          {contest.name} is marked as {statusLabel[changed].toLowerCase()} on the public page now.
        </p>
      )}
      {open && asking && (
        <form method="post" action={action} class="status-confirm" aria-labelledby="status-question" {...htmx}>
          <p id="status-question">
            <strong>
              Mark {contest.name} as {statusLabel[asking].toLowerCase()}?
            </strong>{' '}
            This shows on the public page at once.
          </p>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <input type="hidden" name="confirmed" value="yes" />
          <button type="submit" name="status" value={asking} class="primary">
            Yes, mark as {statusLabel[asking].toLowerCase()}
          </button>
          <a class="button secondary" href={officerContestPath(contest.id)}>
            No, keep it as {statusLabel[contest.status].toLowerCase()}
          </a>
        </form>
      )}
      {open && !asking && (
        <form method="post" action={action} class="status-buttons" {...htmx}>
          <input type="hidden" name="_csrf" value={csrfToken} />
          {statusButtons.map((s) => (
            <button type="submit" name="status" value={s} class="secondary" disabled={contest.status === s}>
              {statusLabel[s]}
            </button>
          ))}
        </form>
      )}
    </div>
  );
}

export function ContestPage({ electionId, contest, signedIn, secondPairOfEyes, status = {}, hasError = false, children }: ContestPageProps) {
  return (
    <Layout title={`${hasError ? 'Error: ' : ''}${contest.name} · Declare`} signedIn={signedIn} scripts={['/static/officer.js']}>
      <PendingBanner />
      <p class="crumbs">
        <a href={officerElectionPath(electionId)}>All wards</a>
      </p>
      <h1>{contest.name}</h1>
      <StatusBar contest={contest} csrfToken={signedIn.csrfToken} {...status} />
      <SecondPairOfEyesNote on={secondPairOfEyes} />
      {children}
    </Layout>
  );
}
