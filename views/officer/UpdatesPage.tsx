// Updates from the count on the officer's phone: a box to publish a few words ("Counting has
// started."), optionally about one ward, and the updates so far, each of which can be
// corrected or withdrawn on its own page. Plain forms: they work without JavaScript.
import type { ContestRow } from '../../db/results';
import type { PublicUpdate } from '../../src/results/countUpdates';
import { updateTextLimit } from '../../src/updates/submission';
import { ProblemSummary } from '../shared/ProblemSummary';
import { Layout, type SignedIn } from '../Layout';
import { londonClock } from '../shared/londonTime';
import { officerElectionPath, officerUpdatePath, officerUpdatesPath } from '../../src/http/paths';

/** Problems by form field: `text`, `contestId`, or `general` for the rest. */
export type FieldErrors = Map<string, string>;

function TextBox({ value, error, label }: { value: string; error?: string; label: string }) {
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for="update-text">{label}</label>
      <span class="hint" id="update-text-hint">
        At most {updateTextLimit} characters. It shows on the public page and is posted to the council's social channels at once.
      </span>
      {error && (
        <span class="error" id="update-text-error">
          {error}
        </span>
      )}
      <textarea
        id="update-text"
        name="text"
        rows={4}
        maxlength={updateTextLimit}
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'update-text-hint update-text-error' : 'update-text-hint'}
      >
        {value}
      </textarea>
    </div>
  );
}

/** "02:10 · Rainham North · corrected" */
function UpdateLine({ update }: { update: PublicUpdate }) {
  return (
    <>
      <time datetime={update.postedAt}>{londonClock(update.postedAt)}</time>
      {update.contestName !== null && ` · ${update.contestName}`}
      {update.withdrawn ? ' · withdrawn' : update.corrected ? ` · corrected at ${londonClock(update.updatedAt)}` : ''}
    </>
  );
}

export interface UpdatesPageProps {
  electionId: string;
  electionName: string;
  contests: Pick<ContestRow, 'id' | 'name'>[];
  updates: PublicUpdate[];
  /** What was typed, when the form comes back with problems. */
  values: { text: string; contestId: string };
  errors: FieldErrors;
  idempotencyKey: string;
  /** The update just published or changed, said once at the top. */
  notice?: string;
  signedIn: SignedIn;
}

export function UpdatesPage(props: UpdatesPageProps) {
  const { electionId, values, errors } = props;
  return (
    <Layout title={`${errors.size ? 'Error: ' : ''}From the count · ${props.electionName}`} signedIn={props.signedIn}>
      <p class="crumbs">
        <a href={officerElectionPath(electionId)}>Wards</a>
      </p>
      <h1>From the count</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <ProblemSummary title="There is a problem: nothing was published" problems={[...errors.values()]} />
      <form method="post" action={officerUpdatesPath(electionId)} novalidate class="update-form">
        <input type="hidden" name="_csrf" value={props.signedIn.csrfToken} />
        <input type="hidden" name="key" value={props.idempotencyKey} />
        <TextBox label="Update" value={values.text} error={errors.get('text')} />
        <div class={`field${errors.has('contestId') ? ' has-error' : ''}`}>
          <label for="update-ward">About</label>
          {errors.has('contestId') && <span class="error">{errors.get('contestId')}</span>}
          <select id="update-ward" name="contestId">
            <option value="" selected={values.contestId === ''}>
              The whole count
            </option>
            {props.contests.map((c) => (
              <option value={c.id} selected={values.contestId === c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="primary">
          Publish update
        </button>
      </form>
      <section aria-labelledby="updates-so-far">
        <h2 id="updates-so-far">Published so far</h2>
        {props.updates.length === 0 ? (
          <p class="muted">No update yet.</p>
        ) : (
          <ol class="updates">
            {props.updates.map((u) => (
              <li class={u.withdrawn ? 'withdrawn' : undefined}>
                <p class="update-meta">
                  <UpdateLine update={u} />
                </p>
                <p class="update-text">{u.text}</p>
                {!u.withdrawn && <a href={officerUpdatePath(electionId, u.id)}>Correct or withdraw</a>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </Layout>
  );
}

export interface UpdatePageProps {
  electionId: string;
  update: PublicUpdate;
  text: string;
  errors: FieldErrors;
  signedIn: SignedIn;
}

/** One update: correct its words (a new version), or withdraw it. */
export function UpdatePage({ electionId, update, text, errors, signedIn }: UpdatePageProps) {
  const path = officerUpdatePath(electionId, update.id);
  return (
    <Layout title={`${errors.size ? 'Error: ' : ''}Update from the count · Declare`} signedIn={signedIn}>
      <p class="crumbs">
        <a href={officerUpdatesPath(electionId)}>From the count</a>
      </p>
      <h1>Update from the count</h1>
      <p class="update-meta">
        <UpdateLine update={update} />
      </p>
      <p class="update-text">{update.text}</p>
      {update.withdrawn ? (
        <p>This update was withdrawn. It stays listed on the public page, marked withdrawn.</p>
      ) : (
        <>
          <ProblemSummary title="There is a problem: nothing was published" problems={[...errors.values()]} />
          <form method="post" action={path} novalidate>
            <input type="hidden" name="_csrf" value={signedIn.csrfToken} />
            <TextBox label="Corrected words" value={text} error={errors.get('text')} />
            <p class="hint">The public page then says it was corrected; the social channels get a follow-up post.</p>
            <button type="submit" class="primary">
              Publish correction
            </button>
          </form>
          <form method="post" action={`${path}/withdraw`}>
            <input type="hidden" name="_csrf" value={signedIn.csrfToken} />
            <h2>Withdraw it</h2>
            <p class="hint">The public page and feeds then show it as withdrawn; the social channels get a follow-up saying so. Nothing is deleted.</p>
            <button type="submit" class="secondary">
              Withdraw this update
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
