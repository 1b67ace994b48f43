// The officer's list of wards with their status, searchable by name. The same component is
// the whole page and the htmx fragment the search box swaps in as you type.
import type { ContestRow } from '../../db/results';
import { Layout, type SignedIn } from '../Layout';
import { PendingBanner } from './PendingBanner';
import { SecondPairOfEyesNote } from './SecondPairOfEyesNote';
import { officerContestPath, officerElectionPath, officerUpdatesPath } from '../../src/http/paths';

export interface WardListProps {
  electionId: string;
  electionName: string;
  contests: ContestRow[];
  query: string;
  /** Wards with a result awaiting a second officer, and whether a second entry differed. */
  awaiting: Map<string, { differ: boolean }>;
}

const statusText: Record<ContestRow['status'], string> = {
  awaiting: 'awaiting',
  counting: 'counting',
  recount: 'recount',
  declared: 'declared',
  uncontested: 'uncontested',
  postponed: 'postponed',
};

/** A ward's status for officers: one awaiting confirmation says so (the public still sees its count status). */
function WardStatus({ contest, awaiting }: { contest: ContestRow; awaiting: { differ: boolean } | undefined }) {
  if (awaiting) return <span class="status status-unconfirmed">{awaiting.differ ? 'entries differ' : 'awaiting confirmation'}</span>;
  return <span class={`status status-${contest.status}`}>{statusText[contest.status]}</span>;
}

export function WardResults({ electionId, contests, query, awaiting }: Omit<WardListProps, 'electionName'>) {
  const q = query.trim().toLowerCase();
  const shown = q ? contests.filter((c) => c.name.toLowerCase().includes(q)) : contests;
  return (
    <ul id="wards" class="wards">
      {shown.map((c) => (
        <li>
          <a href={officerContestPath(c.id)} data-election={electionId}>
            <span class="ward-name">{c.name}</span>
            <WardStatus contest={c} awaiting={awaiting.get(c.id)} />
          </a>
        </li>
      ))}
      {shown.length === 0 && <li class="muted">No ward matches “{query}”.</li>}
    </ul>
  );
}

export function WardList(props: WardListProps & { signedIn: SignedIn; secondPairOfEyes: boolean }) {
  const action = officerElectionPath(props.electionId);
  return (
    <Layout title={`Wards · ${props.electionName}`} signedIn={props.signedIn} scripts={['/static/officer.js']}>
      <PendingBanner />
      <h1>{props.electionName}</h1>
      <p class="from-the-count">
        <a href={officerUpdatesPath(props.electionId)} class="button secondary">
          From the count: post an update
        </a>
      </p>
      <SecondPairOfEyesNote on={props.secondPairOfEyes} />
      <form method="get" action={action} role="search" class="search">
        <label for="q">Find a ward</label>
        <input id="q" name="q" type="search" value={props.query} autocomplete="off"
          hx-get={action} hx-trigger="input changed delay:250ms, search" hx-target="#wards" hx-select="#wards" hx-swap="outerHTML" />
      </form>
      <WardResults electionId={props.electionId} contests={props.contests} query={props.query} awaiting={props.awaiting} />
    </Layout>
  );
}
