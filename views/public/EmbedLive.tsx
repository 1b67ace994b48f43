// The widget's live section: the headline, seats by party, the last few updates from the
// count (once there is one) and the last few declarations,
// small enough for a live blog's column. Built from the same components as the results
// page, so the two always say the same.
import type { ElectionView } from '../../src/results/electionView';
import { FromTheCount } from './FromTheCount';
import { Headline } from './Headline';
import { LastUpdated } from './LastUpdated';
import { LatestDeclarations } from './LatestDeclarations';
import { RehearsalBanner } from './RehearsalBanner';
import { SeatsByParty } from './SeatsByParty';

/** How many of the latest declarations the widget lists. */
export const embedLatest = 3;
/** How many of the latest updates from the count it lists. */
export const embedUpdates = 3;

export function EmbedLive({ view }: { view: ElectionView }) {
  const { results } = view;
  return (
    <>
      <RehearsalBanner rehearsal={results.rehearsal} />
      <Headline results={results} />
      <SeatsByParty results={results} withTable={false} />
      <FromTheCount electionId={results.id} updates={results.updates.slice(0, embedUpdates)} none={null} />
      <LatestDeclarations electionId={results.id} latest={view.latest.slice(0, embedLatest)} />
      <LastUpdated at={results.updatedAt} />
    </>
  );
}
