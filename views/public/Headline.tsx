// The headline first: who controls the council (or who needs how many more), then how far
// the night has got.
import { describeContestProgress, describeProgress, formatNumber } from '../../src/domain';
import type { ElectionResults } from '../../src/results/electionResults';

export function Headline({ results }: { results: ElectionResults }) {
  return (
    <section class="headline" aria-labelledby="control">
      <h2 id="control" class="control">{results.control.summary}</h2>
      <p class="progress-line">
        <strong>{describeProgress(results.progress)}</strong>
        <span class="sep" aria-hidden="true"> · </span>
        <span>{describeContestProgress(results.progress)}</span>
      </p>
      <p class="muted">
        {formatNumber(results.seats.majorityNeeded)} of {formatNumber(results.seats.total)} seats are needed for a majority.
      </p>
    </section>
  );
}
