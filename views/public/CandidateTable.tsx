// A declared ward's candidates by votes, as the returning officer reads them: party colour,
// a bar for the share, and who was elected, in words.
import { formatNumber, formatPercent } from '../../src/domain';
import type { CandidateResult, ContestResult } from '../../src/results/contestResult';
import { PartySwatch } from '../shared/PartySwatch';

function ShareBar({ candidate }: { candidate: CandidateResult }) {
  const share = candidate.sharePercent ?? 0;
  return (
    <svg class="share-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect width="100" height="8" fill="#f3f2f1" />
      <rect width={Math.max(share, 0.5)} height="8" fill={candidate.party.colour} />
    </svg>
  );
}

function ElectedMark({ candidate }: { candidate: CandidateResult }) {
  if (!candidate.elected) return null;
  return <strong class="elected-mark">{candidate.electedByLot ? 'Elected after drawing lots' : 'Elected'}</strong>;
}

export function CandidateTable({ result }: { result: ContestResult }) {
  return (
    <table class="result">
      <caption>
        Votes{result.seats > 1 && <span class="muted"> (each voter had up to {formatNumber(result.seats)} votes, so shares are of votes, not voters)</span>}
      </caption>
      <thead>
        <tr>
          <th scope="col">Candidate</th>
          <th scope="col" class="num">Votes</th>
          <th scope="col" class="num">Share</th>
        </tr>
      </thead>
      <tbody>
        {result.candidates.map((c) => (
          <tr class={c.elected ? 'elected' : undefined}>
            <th scope="row">
              <span class="candidate-name">{c.name}</span> <ElectedMark candidate={c} />
              <span class="party-line"><PartySwatch colour={c.party.colour} /> {c.description}</span>
              <ShareBar candidate={c} />
            </th>
            <td class="num">{c.votes === null ? '–' : formatNumber(c.votes)}</td>
            <td class="num">{c.sharePercent === null ? '–' : formatPercent(c.sharePercent)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Before a result: the candidates as on the ballot paper (alphabetically by surname). */
export function BallotList({ result }: { result: ContestResult }) {
  return (
    <ul class="ballot">
      {result.candidates.map((c) => (
        <li>
          <span class="candidate-name">{c.name}</span> <ElectedMark candidate={c} />
          <span class="party-line"><PartySwatch colour={c.party.colour} /> {c.description}</span>
        </li>
      ))}
    </ul>
  );
}
