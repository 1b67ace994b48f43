// A ward's entry awaiting a second officer, on its page: to the officer who entered it,
// that it is not public yet; to any other officer, that they confirm it by entering the
// figures again below, blind (nothing here shows the entry's figures). After a second
// entry that did not match, the two officers whose entries differ see how.
import type { EntryDifference } from '../../src/results/publicSchemas';
import { londonClock } from '../shared/londonTime';
import { DifferencesTable } from './DifferencesTable';
import { officerContestPath } from '../../src/http/paths';

export interface AwaitingPanelProps {
  contestId: string;
  version: number;
  enteredBy: string;
  enteredAt: string;
  /** Whether the officer looking entered it. */
  yours: boolean;
  /** The last second entry that differed, to the two officers whose entries differ; else null. */
  mismatch: { by: string; at: string; differences: EntryDifference[] } | null;
}

export function AwaitingPanel({ contestId, version, enteredBy, enteredAt, yours, mismatch }: AwaitingPanelProps) {
  const what = version === 1 ? 'the result' : `a correction (version ${version})`;
  return (
    <section id="awaiting" class="outcome outcome-awaiting" aria-labelledby="awaiting-heading">
      <h2 id="awaiting-heading" tabindex={-1}>
        Awaiting confirmation
      </h2>
      {/* The news first, so the figures that differ are in view as the page opens. */}
      {mismatch && (
        <div class="mismatch" role="alert">
          <p>
            <strong>The entries differ.</strong> {mismatch.by}'s entry at {londonClock(mismatch.at)} did not match, so nothing was published.
          </p>
          <DifferencesTable differences={mismatch.differences} first={enteredBy} second={mismatch.by} />
          <p>
            Check these figures against the declaration.{' '}
            {yours ? 'If yours is wrong, fix your entry below; if not, ask for it to be entered again.' : 'If yours is wrong, enter it again below; if not, the first officer fixes theirs.'}
          </p>
        </div>
      )}
      {yours ? (
        <p>
          You entered {what} at {londonClock(enteredAt)}. It is not public yet: a second officer must enter the figures again on their
          phone, and it is published when every figure matches.
        </p>
      ) : (
        <p>
          {enteredBy} entered {what} at {londonClock(enteredAt)}. Enter the figures from the declaration below, without looking at
          the first entry: if every figure matches, it is published; if not, you both see the differences.
        </p>
      )}
      {yours && (
        <p>
          <a href={officerContestPath(contestId)}>Check again</a> whether it has been confirmed.
        </p>
      )}
    </section>
  );
}
