// Admin → Timetable: when the count starts and when each ward is expected to declare, in UK
// time. Both show on the public results page at once ("Results from 23:00 on Thursday 4 May",
// "Expected around 02:30"), so the page can be promoted before the night.
import type { ContestRow, ElectionRow } from '../../db/results';
import { londonLocalValue } from '../../src/validation/londonTime';
import { Layout, type SignedIn } from '../Layout';
import { ProblemSummary } from '../shared/ProblemSummary';

export interface TimetablePageProps {
  election: ElectionRow;
  contests: ContestRow[];
  /** What was typed, by field name, when the form is shown again with problems. */
  typed?: Record<string, string>;
  /** Problems by field name. */
  errors?: Map<string, string>;
  saved?: boolean;
  /** The automatic updates switch was just changed: say how it now stands. */
  automaticChanged?: boolean;
  signedIn: SignedIn;
}

export const timetableField = { countStarts: 'countStarts', expected: (contestId: string) => `expected.${contestId}` } as const;

function TimeField({ id, name, label, value, error }: { id: string; name: string; label: string; value: string; error?: string }) {
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {error && (
        <span class="error" id={`${id}-error`}>
          {error}
        </span>
      )}
      <input type="datetime-local" id={id} name={name} value={value} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined} />
    </div>
  );
}

/** Whether a ward's status change posts an update from the count by itself: one button that switches it. */
function AutomaticUpdates({ election, changed, csrfToken }: { election: ElectionRow; changed: boolean; csrfToken: string }) {
  const on = election.autoStatusUpdates;
  return (
    <section aria-labelledby="automatic-updates" id="automatic-updates-section">
      <h2 id="automatic-updates">Automatic updates from the count</h2>
      <p role={changed ? 'status' : undefined} class={changed ? 'notice' : undefined}>
        {on
          ? 'On: when an officer marks a ward as counting, recount or postponed, an update says so ("Recount in Rainham North.") on the public page, in the feeds and on the social channels.'
          : 'Off: a ward\'s status change shows on the public page, and posts no update from the count.'}
      </p>
      <form method="post" action={`/admin/elections/${encodeURIComponent(election.id)}/automatic-updates`}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <input type="hidden" name="on" value={on ? 'off' : 'on'} />
        <button type="submit" class="secondary">
          {on ? 'Stop posting an update when a status changes' : 'Post an update when a status changes'}
        </button>
      </form>
    </section>
  );
}

export function TimetablePage({ election, contests, typed, errors = new Map(), saved = false, automaticChanged = false, signedIn }: TimetablePageProps) {
  const shown = (name: string, stored: string | null) => typed?.[name] ?? (stored ? londonLocalValue(stored) : '');
  return (
    <Layout title={`${errors.size ? 'Error: ' : ''}Timetable · ${election.name} · Declare`} signedIn={signedIn}>
      <p class="crumbs">
        <a href="/admin">Admin</a>
      </p>
      <h1>Timetable</h1>
      <p>{election.name}. Times are UK time; leave a box empty for none. The public page shows them at once.</p>
      {saved && (
        <p class="notice" role="status">
          The timetable is saved and on the public page.
        </p>
      )}
      <ProblemSummary title="There is a problem: nothing was saved" problems={[...errors.values()]} />
      <form method="post" action={`/admin/elections/${encodeURIComponent(election.id)}/timetable`} novalidate>
        <input type="hidden" name="_csrf" value={signedIn.csrfToken} />
        <TimeField
          id="count-starts"
          name={timetableField.countStarts}
          label="Results from (the count starts)"
          value={shown(timetableField.countStarts, election.countStarts)}
          error={errors.get(timetableField.countStarts)}
        />
        <fieldset>
          <legend>Expected declarations</legend>
          {contests.map((c, i) => (
            <TimeField
              id={`expected-${i}`}
              name={timetableField.expected(c.id)}
              label={c.name}
              value={shown(timetableField.expected(c.id), c.expectedDeclaration)}
              error={errors.get(timetableField.expected(c.id))}
            />
          ))}
        </fieldset>
        <button type="submit" class="primary">
          Save the timetable
        </button>
      </form>
      <AutomaticUpdates election={election} changed={automaticChanged} csrfToken={signedIn.csrfToken} />
    </Layout>
  );
}
