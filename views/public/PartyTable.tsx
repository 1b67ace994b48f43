// Seats, gains and losses by party, as a table: the figures behind the chart, for every
// party that stood.
import { formatNumber } from '../../src/domain';
import type { ElectionResults } from '../../src/results/electionResults';
import { PartySwatch } from '../officer/PartySwatch';

export function PartyTable({ results }: { results: ElectionResults }) {
  const continuing = results.parties.reduce((n, p) => n + p.seatsContinuing, 0);
  return (
    <table class="parties">
      <caption>Seats, gains and losses by party</caption>
      <thead>
        <tr>
          <th scope="col">Party</th>
          <th scope="col" class="num">Seats</th>
          <th scope="col" class="num">Gains</th>
          <th scope="col" class="num">Losses</th>
        </tr>
      </thead>
      <tbody>
        {results.parties.map((p) => (
          <tr>
            <th scope="row">
              <span class="party-name"><PartySwatch colour={p.colour} /> {p.name}</span>
            </th>
            <td class="num">{formatNumber(p.seatsTotal)}</td>
            <td class="num">{formatNumber(p.gains)}</td>
            <td class="num">{formatNumber(p.losses)}</td>
          </tr>
        ))}
      </tbody>
      {continuing > 0 && (
        <tfoot>
          <tr>
            <td colspan={4} class="muted">Seats include {formatNumber(continuing)} councillors not up for election this time.</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
