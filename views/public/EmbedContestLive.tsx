// The one-ward widget's live section: the result as declared (candidates by votes, who is
// elected), or where the count has got and the candidates on the ballot paper. Built from
// the ward page's own components, so the two always say the same.
import type { ContestResult } from '../../src/results/contestResult';
import { BallotList, CandidateTable } from './CandidateTable';
import { LastUpdated } from './LastUpdated';
import { RehearsalBanner } from './RehearsalBanner';
import { StatusLabel } from './StatusLabel';

export function EmbedContestLive({ result, updatedAt, rehearsal }: { result: ContestResult; updatedAt: string; rehearsal: boolean }) {
  const declared = result.status === 'declared';
  return (
    <>
      <RehearsalBanner rehearsal={rehearsal} />
      <section class="headline" aria-labelledby="ward-result">
        <p class="status-line"><StatusLabel status={result.status} /></p>
        <h2 id="ward-result" class="control">{result.summary}</h2>
      </section>
      {declared ? <CandidateTable result={result} /> : <BallotList result={result} />}
      <LastUpdated at={updatedAt} />
    </>
  );
}
