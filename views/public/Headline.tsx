// The headline first: who controls the council (or who needs how many more), then how far
// the night has got.
import { countOf, describeContestProgress, describeProgress, formatNumber, formatPercent } from '../../src/domain';
import type { ElectionResults } from '../../src/results/electionResults';
import { londonDateTime } from '../shared/londonTime';

export function Headline({ results }: { results: ElectionResults }) {
  return (
    <section class="headline" aria-labelledby="control">
      <h2 id="control" class="control">{results.control.summary}</h2>
      <p class="progress-line">
        <strong>{describeProgress(results.progress)}</strong>
        <span class="sep" aria-hidden="true"> · </span>
        <span>{describeContestProgress(results.progress)}</span>
      </p>
      {results.progress.contestsDeclared === 0 && results.countStarts && (
        <p class="count-starts">
          <strong>Results from {londonDateTime(results.countStarts)}.</strong> Keep this page open or come back: it updates itself.
        </p>
      )}
      {results.turnout && (
        <p class="turnout">
          Turnout so far: {formatPercent(results.turnout.percent)} in {countOf(results.turnout.contests, 'ward', 'wards')}
        </p>
      )}
      <p class="muted">
        {formatNumber(results.seats.majorityNeeded)} of {formatNumber(results.seats.total)} seats are needed for a majority.
      </p>
    </section>
  );
}
