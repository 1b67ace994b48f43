// Admin → Second pair of eyes: whether each declaration of an election waits for a second
// officer to enter the same figures before it is published.
import type { ElectionRow } from '../../db/results';
import { Layout, type SignedIn } from '../Layout';

export interface SecondPairOfEyesPageProps {
  election: ElectionRow;
  /** Wards with an entry awaiting confirmation now. */
  awaiting: number;
  saved?: boolean;
  /** The form was sent without a choice. */
  error?: string;
  signedIn: SignedIn;
}

export function SecondPairOfEyesPage({ election, awaiting, saved = false, error, signedIn }: SecondPairOfEyesPageProps) {
  const on = election.secondPairOfEyes;
  return (
    <Layout title={`${error ? 'Error: ' : ''}Second pair of eyes · ${election.name} · Declare`} signedIn={signedIn}>
      <p class="crumbs">
        <a href="/admin">Admin</a>
      </p>
      <h1>Second pair of eyes</h1>
      <p>
        {election.name}: <strong>{on ? 'on' : 'off'}</strong>.
      </p>
      {saved && (
        <p class="notice" role="status">
          Saved: the second pair of eyes is {on ? 'on' : 'off'}. Officers' pages say so at once.
        </p>
      )}
      {error && (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>There is a problem: nothing was saved</h2>
          <p>{error}</p>
        </div>
      )}
      <p>
        When it is on, a result an officer enters is not published: it waits, "awaiting confirmation", until a different officer
        enters the same figures from the declaration on their own phone, without seeing the first entry. If every figure matches,
        it is published; if not, both officers see the figures that differ, and either enters again. Corrections go the same way.
      </p>
      <p>
        When it is off, each result is published as soon as it is declared.
        {awaiting > 0 &&
          ` ${awaiting === 1 ? '1 ward has an entry' : `${awaiting} wards have entries`} awaiting confirmation now: switched off, they still wait for a second officer, and a new declaration of the ward publishes at once in their place.`}
      </p>
      <form method="post" action={`/admin/elections/${encodeURIComponent(election.id)}/second-pair-of-eyes`}>
        <input type="hidden" name="_csrf" value={signedIn.csrfToken} />
        <fieldset>
          <legend>Each result</legend>
          <label class="check" for="eyes-on">
            <input type="radio" id="eyes-on" name="on" value="yes" checked={on} />
            Waits for a second officer to confirm it (on)
          </label>
          <label class="check" for="eyes-off">
            <input type="radio" id="eyes-off" name="on" value="no" checked={!on} />
            Is published when declared (off)
          </label>
        </fieldset>
        <button type="submit" class="primary">
          Save
        </button>
      </form>
    </Layout>
  );
}
