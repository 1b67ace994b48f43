// The results page's live section: headline, progress, seats by party, updates from the
// count, latest declarations and every ward. The same component is the section in the full page and the fragment htmx
// fetches, so the two can never differ.
import type { ElectionView } from '../../src/results/electionView';
import { AllWards } from './AllWards';
import { FromTheCount } from './FromTheCount';
import { Headline } from './Headline';
import { LastUpdated } from './LastUpdated';
import { LatestDeclarations } from './LatestDeclarations';
import { RehearsalBanner } from './RehearsalBanner';
import { SeatsByParty } from './SeatsByParty';

export function ElectionLive({ view }: { view: ElectionView }) {
  const { results } = view;
  return (
    <>
      <RehearsalBanner rehearsal={results.rehearsal} />
      <Headline results={results} />
      <LastUpdated at={results.updatedAt} />
      <SeatsByParty results={results} />
      <FromTheCount electionId={results.id} updates={results.updates} />
      <LatestDeclarations electionId={results.id} latest={view.latest} />
      <AllWards electionId={results.id} contests={results.contests} />
    </>
  );
}
