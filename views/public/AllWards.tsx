// Every ward with its status and, once known, its result; each links to the ward's page.
import type { ContestHeadline } from '../../src/results/electionResults';
import { contestPath } from './paths';
import { StatusLabel } from './StatusLabel';

const hasResult = (c: ContestHeadline) => c.status === 'declared' || c.status === 'uncontested';

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
            {hasResult(c) && (
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
