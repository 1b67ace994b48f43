// Seats, gains and losses by party, as a table: the figures behind the chart, for every party
// that stood. A figure that cannot be known is shown as "–", never as 0.
import { formatNumber } from '../../src/domain';
import type { ElectionResults } from '../../src/results/electionResults';
import { PartySwatch } from '../shared/PartySwatch';

function known(n: number | null) {
  return n === null ? <span title="Not known">–</span> : formatNumber(n);
}

export function PartyTable({ results }: { results: ElectionResults }) {
  const continuing = results.parties.reduce((n, p) => n + p.seatsContinuing, 0);
  const changesKnown = results.parties.some((p) => p.gains !== null);
  const notes = [
    continuing > 0 && `Seats include ${formatNumber(continuing)} councillors not up for election this time.`,
    !changesKnown && 'Gains and losses are not shown: the council has not published who held each seat before.',
    changesKnown &&
      results.declaredWithoutPrevious > 0 &&
      `Gains and losses leave out ${formatNumber(results.declaredWithoutPrevious)} declared ${results.declaredWithoutPrevious === 1 ? 'ward' : 'wards'} with no previous result.`,
  ].filter((note): note is string => typeof note === 'string');
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
            <td class="num">{known(p.gains)}</td>
            <td class="num">{known(p.losses)}</td>
          </tr>
        ))}
      </tbody>
      {notes.length > 0 && (
        <tfoot>
          {notes.map((note) => (
            <tr>
              <td colspan={4} class="muted">{note}</td>
            </tr>
          ))}
        </tfoot>
      )}
    </table>
  );
}
