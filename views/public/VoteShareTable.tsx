// Votes by party in the wards declared so far: the share of the vote a resident compares
// with last time. In wards electing several councillors each voter has several votes, so
// these are shares of votes, not of voters.
import { countOf, formatNumber, formatPercent } from '../../src/domain';
import type { ElectionResults } from '../../src/results/electionResults';
import { PartySwatch } from '../shared/PartySwatch';

export function VoteShareTable({ results }: { results: ElectionResults }) {
  const voted = results.parties.filter((p) => p.votes > 0).sort((a, b) => b.votes - a.votes || a.name.localeCompare(b.name));
  if (voted.length === 0) return null;
  const wards = results.contests.filter((c) => c.status === 'declared').length;
  return (
    <table class="parties vote-share">
      <caption>Share of the vote in the {countOf(wards, 'ward', 'wards')} declared so far</caption>
      <thead>
        <tr>
          <th scope="col">Party</th>
          <th scope="col" class="num">Votes</th>
          <th scope="col" class="num">Share</th>
        </tr>
      </thead>
      <tbody>
        {voted.map((p) => (
          <tr>
            <th scope="row">
              <span class="party-name"><PartySwatch colour={p.colour} /> {p.name}</span>
            </th>
            <td class="num">{formatNumber(p.votes)}</td>
            <td class="num">{p.voteSharePercent === null ? '–' : formatPercent(p.voteSharePercent)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
