// The latest declarations and corrections, most recent first, each linking to its ward.
import type { LatestDeclaration } from '../../src/results/latest';
import { londonClock } from '../shared/londonTime';
import { contestPath } from '../../src/http/paths';

export function LatestDeclarations({ electionId, latest }: { electionId: string; latest: LatestDeclaration[] }) {
  return (
    <section aria-labelledby="latest">
      <h2 id="latest">Latest declarations</h2>
      {latest.length === 0 ? (
        <p class="muted">No result has been declared yet.</p>
      ) : (
        <ol class="latest">
          {latest.map((d) => (
            <li>
              <time datetime={d.at}>{londonClock(d.at)}</time>{' '}
              <span>
                <a href={contestPath(electionId, d.contestId)}>{d.contestName}</a>
                {d.reason === null ? `: ${d.summary}` : `: correction (version ${d.version}), ${d.reason}`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
