// Seats by party: the chart with its majority line and, on the results page, the table of
// seats, gains and losses, and the share of the vote so far. The widget shows the chart alone.
import type { ElectionResults } from '../../src/results/electionResults';
import { PartyTable } from './PartyTable';
import { SeatsChart } from './SeatsChart';
import { VoteShareTable } from './VoteShareTable';

export function SeatsByParty({ results, withTable = true }: { results: ElectionResults; withTable?: boolean }) {
  return (
    <section aria-labelledby="seats-heading">
      <h2 id="seats-heading">Seats by party</h2>
      <figure class="chart">
        <SeatsChart results={results} />
      </figure>
      {withTable && (
        <>
          <PartyTable results={results} />
          <VoteShareTable results={results} />
        </>
      )}
    </section>
  );
}
