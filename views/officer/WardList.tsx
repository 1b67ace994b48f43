// The officer's list of wards with their status, searchable by name. The same component is
// the whole page and the htmx fragment the search box swaps in as you type.
import type { ContestRow } from '../../db/results';
import { Layout, type SignedIn } from '../Layout';
import { PendingBanner } from './PendingBanner';

export interface WardListProps {
  electionId: string;
  electionName: string;
  contests: ContestRow[];
  query: string;
}

const statusText: Record<ContestRow['status'], string> = {
  awaiting: 'awaiting',
  counting: 'counting',
  recount: 'recount',
  declared: 'declared',
  uncontested: 'uncontested',
  postponed: 'postponed',
};

export function WardResults({ electionId, contests, query }: Omit<WardListProps, 'electionName'>) {
  const q = query.trim().toLowerCase();
  const shown = q ? contests.filter((c) => c.name.toLowerCase().includes(q)) : contests;
  return (
    <ul id="wards" class="wards">
      {shown.map((c) => (
        <li>
          <a href={`/officer/contests/${encodeURIComponent(c.id)}`} data-election={electionId}>
            <span class="ward-name">{c.name}</span>
            <span class={`status status-${c.status}`}>{statusText[c.status]}</span>
          </a>
        </li>
      ))}
      {shown.length === 0 && <li class="muted">No ward matches “{query}”.</li>}
    </ul>
  );
}

export function WardList(props: WardListProps & { signedIn: SignedIn }) {
  const action = `/officer/elections/${encodeURIComponent(props.electionId)}`;
  return (
    <Layout title={`Wards · ${props.electionName}`} signedIn={props.signedIn} scripts={['/static/officer.js']}>
      <PendingBanner />
      <h1>{props.electionName}</h1>
      <p class="from-the-count">
        <a href={`/officer/elections/${encodeURIComponent(props.electionId)}/updates`} class="button secondary">
          From the count: post an update
        </a>
      </p>
      <form method="get" action={action} role="search" class="search">
        <label for="q">Find a ward</label>
        <input id="q" name="q" type="search" value={props.query} autocomplete="off"
          hx-get={action} hx-trigger="input changed delay:250ms, search" hx-target="#wards" hx-select="#wards" hx-swap="outerHTML" />
      </form>
      <WardResults electionId={props.electionId} contests={props.contests} query={props.query} />
    </Layout>
  );
}
