// Every correction of a declared result, with its reason: nothing published is silently changed.
import type { ContestResult } from '../../src/results/contestResult';
import { londonDateTime } from '../shared/londonTime';

export function Corrections({ corrections }: { corrections: ContestResult['corrections'] }) {
  if (corrections.length === 0) return null;
  return (
    <section aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">Corrections</h2>
      <ol class="corrections">
        {corrections.map((c) => (
          <li>
            Version {c.version}, published at <time datetime={c.at}>{londonDateTime(c.at)}</time>: {c.reason}
          </li>
        ))}
      </ol>
    </section>
  );
}
