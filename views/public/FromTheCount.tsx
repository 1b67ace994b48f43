// "From the count": the updates officers publish on the night, newest first, in UK time.
// A corrected update shows its latest words and says it was corrected; a withdrawn one stays
// listed, marked withdrawn, so nobody wonders where it went. Each has an anchor, which the
// social posts link to.
import type { PublicUpdate } from '../../src/results/countUpdates';
import { londonClock } from '../shared/londonTime';
import { contestPath, updateAnchor } from '../../src/http/paths';

export interface FromTheCountProps {
  electionId: string;
  updates: PublicUpdate[];
  /** Whether to name and link the ward of each (not on the ward's own page). */
  showWard?: boolean;
  /** Said when there is none yet; nothing at all when null. */
  none?: string | null;
}

export function FromTheCount({ electionId, updates, showWard = true, none = 'No update from the count yet.' }: FromTheCountProps) {
  if (updates.length === 0 && none === null) return null;
  return (
    <section aria-labelledby="from-the-count" class="from-the-count">
      <h2 id="from-the-count">From the count</h2>
      {updates.length === 0 ? (
        <p class="muted">{none}</p>
      ) : (
        <ol class="updates">
          {updates.map((u) => (
            <li id={updateAnchor(u.id)} class={u.withdrawn ? 'withdrawn' : undefined}>
              <p class="update-meta">
                <time datetime={u.postedAt}>{londonClock(u.postedAt)}</time>
                {showWard && u.contestId !== null && u.contestName !== null && (
                  <>
                    {' · '}
                    <a href={contestPath(electionId, u.contestId)}>{u.contestName}</a>
                  </>
                )}
                {u.withdrawn ? (
                  <>
                    {' · '}
                    <strong>Withdrawn</strong> at <time datetime={u.updatedAt}>{londonClock(u.updatedAt)}</time>
                  </>
                ) : (
                  u.corrected && (
                    <>
                      {' · corrected at '}
                      <time datetime={u.updatedAt}>{londonClock(u.updatedAt)}</time>
                    </>
                  )
                )}
              </p>
              {u.withdrawn ? (
                <p class="update-text">
                  <del>{u.text}</del>
                </p>
              ) : (
                <p class="update-text">{u.text}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
