// /elections/:id/contests/:contestId, one ward's declaration in full.
import type { Child } from 'hono/jsx';
import { countOf, formatNumber } from '../../src/domain';
import type { ContestView } from '../../src/results/electionView';
import { Announcement } from './LiveSection';
import { electionPath } from '../../src/http/paths';
import { PublicLayout } from './PublicLayout';

export interface ContestPageProps {
  view: ContestView;
  /** The live section (a LiveSection). */
  children: Child;
}

export function ContestPage({ view, children }: ContestPageProps) {
  const { election, result } = view;
  return (
    <PublicLayout title={`${result.name}: ${result.summary} · ${election.name}`} description={`${result.name} ward, ${election.name}: ${result.summary}.`}>
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href={electionPath(election.id)}>{election.name}</a>
      </nav>
      <h1>{result.name}</h1>
      <p class="muted">
        {countOf(result.seats, 'seat', 'seats')} · electorate {formatNumber(result.electorate)}
      </p>
      <Announcement text={view.news} />
      {children}
    </PublicLayout>
  );
}
