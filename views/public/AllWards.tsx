// Every ward with its status and, once known, its result; each links to the ward's page.
import { formatPercent, hasResult } from '../../src/domain';
import type { ContestHeadline } from '../../src/results/electionResults';
import { londonClock } from '../shared/londonTime';
import { contestPath } from '../../src/http/paths';
import { StatusLabel } from './StatusLabel';

/** "Turnout 31.20% · expected around 02:30": what is known of a ward still counting. */
function wardOutlook(c: ContestHeadline): string {
  const expected = c.expectedDeclaration && `around ${londonClock(c.expectedDeclaration)}`;
  if (c.turnoutPercent === null) return `Expected ${expected}`;
  return `Turnout ${formatPercent(c.turnoutPercent)}${expected ? ` · expected ${expected}` : ''}`;
}

export function AllWards({ electionId, contests }: { electionId: string; contests: ContestHeadline[] }) {
  return (
    <section aria-labelledby="wards-heading">
      <h2 id="wards-heading">All wards</h2>
      <ul class="ward-results">
        {contests.map((c) => (
          <li>
            <a href={contestPath(electionId, c.id)}>
              <span class="ward-name">{c.name}</span>{' '}
              <StatusLabel status={c.status} />
            </a>
            {!hasResult(c.status) && c.status !== 'postponed' && (c.turnoutPercent !== null || c.expectedDeclaration) && (
              <p class="ward-summary muted">{wardOutlook(c)}</p>
            )}
            {hasResult(c.status) && (
              <p class="ward-summary">
                {c.summary}
                {c.version !== null && c.version > 1 && <span class="muted"> (corrected)</span>}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
