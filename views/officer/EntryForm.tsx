// The phone form for one ward: a big number box per candidate in ballot-paper order, the
// rejected ballot papers by reason, and the verification figures. Works as a plain form
// without JavaScript (it posts to the review screen); views/client/officer.ts makes the
// review instant and keeps the entry on the phone when the signal drops.
import type { ContestSnapshot, PartyRow } from '../../db/results';
import type { EntryMode } from '../../src/declare/awaitingConfirmation';
import type { BallotPapers } from '../../src/domain';
import { fieldName, formBoxes, rejectedBoxes, sentenceFor, verificationBoxes, voteBox, type FormValues } from '../../src/officer/entryForm';
import { candidateName } from '../../src/results/names';
import { NumberField } from './NumberField';
import { PartySwatch } from '../shared/PartySwatch';
import { officerContestPath } from '../../src/http/paths';

export interface EntryFormProps {
  contest: ContestSnapshot;
  parties: Map<string, PartyRow>;
  values: FormValues;
  errors: Map<string, string>;
  csrfToken: string;
  idempotencyKey: string;
  /** Problems not tied to one field. */
  general?: string[];
  /** In a correction, the declared figures by field name: the phone's review shows old → new. */
  declared?: Record<string, number> | null;
  /** The verification statement published before the count: the phone's review checks against it. */
  statement?: BallotPapers | null;
  /** Publish at once, enter for a second officer to confirm, or confirm another's entry (src/declare/awaitingConfirmation.ts). */
  mode?: EntryMode;
  /** Confirming a correction: its reason as the first officer gave it, published with it. */
  reasonGiven?: string | null;
}

/** Field errors in the officer's words, keyed by field name. */
function errorSentences(contest: ContestSnapshot, errors: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const box of formBoxes(candidatesOf(contest))) {
    const message = errors.get(box.name);
    if (message) out.set(box.name, sentenceFor(message, box.what));
  }
  return out;
}

const candidatesOf = (contest: ContestSnapshot) => contest.candidates.map((c) => ({ id: c.id, name: candidateName(c) }));

export function EntryForm({ contest, parties, values, errors: apiErrors, csrfToken, idempotencyKey, general = [], declared = null, statement = null, mode = 'publish', reasonGiven = null }: EntryFormProps) {
  const correcting = contest.versions.length > 0;
  const errors = errorSentences(contest, apiErrors);
  const boxErrors = formBoxes(candidatesOf(contest)).filter((box) => errors.has(box.name));
  const action = `${officerContestPath(contest.id)}/review`;
  return (
    // novalidate: our messages (server-side, and the phone script's) say more than the browser's.
    <>
    <form method="post" action={action} class="entry" id="entry" novalidate data-contest-id={contest.id} data-seats={contest.seats}
      data-contest-name={contest.name} data-correcting={correcting ? 'true' : 'false'} data-declared={declared ? JSON.stringify(declared) : undefined}
      data-statement={statement ? JSON.stringify(statement) : undefined} data-entry-mode={mode}>
      <input type="hidden" name="_csrf" value={csrfToken} />
      <input type="hidden" name={fieldName.key} value={idempotencyKey} />
      {(general.length > 0 || boxErrors.length > 0) && (
        // Every problem at the top, each linked to its box (GOV.UK's error summary).
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>There is a problem</h2>
          <ul>
            {general.map((g) => (
              <li>{g}</li>
            ))}
            {boxErrors.map((box) => (
              <li>
                <a href={`#${box.id}`}>{errors.get(box.name)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {/* Known first: verification ends before the count starts. */}
      <fieldset>
        <legend>Verification statement</legend>
        {verificationBoxes.map((box) => (
          <NumberField {...box} values={values} errors={errors} />
        ))}
      </fieldset>
      <fieldset>
        <legend>Votes ({contest.seats === 1 ? '1 seat' : `${contest.seats} seats`})</legend>
        {contest.candidates.map((c, i) => {
          const party = parties.get(c.partyId);
          return (
            <div class="candidate" data-candidate-id={c.id} data-party-id={c.partyId} data-party-name={party?.name ?? c.partyId} data-name={candidateName(c)}>
              <NumberField
                {...voteBox({ id: c.id, name: candidateName(c) }, i)}
                hint={c.description === party?.name ? c.description : `${c.description} (${party?.name ?? c.partyId})`}
                swatch={party?.colour ?? '#8C8C8C'}
                values={values}
                errors={errors}
                big
              />
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>Rejected ballot papers</legend>
        <p class="hint">Leave a box empty for none.</p>
        {rejectedBoxes.map((box) => (
          <NumberField {...box} values={values} errors={errors} />
        ))}
      </fieldset>
      {correcting && mode === 'confirm' && (
        // The first officer's words, not a figure to type twice: shown, and sent with the figures.
        <p>
          <input type="hidden" name={fieldName.reason} value={reasonGiven ?? ''} />
          <strong>Reason for the correction: </strong>
          {reasonGiven}
        </p>
      )}
      {correcting && mode !== 'confirm' && (
        <div class={`field${errors.has('reason') ? ' has-error' : ''}`}>
          <label for="reason">Reason for the correction</label>
          {errors.get(fieldName.reason) && <span class="error" id="reason-error">{errors.get(fieldName.reason)}</span>}
          <textarea id="reason" name={fieldName.reason} rows={3} maxlength={500} required>
            {values[fieldName.reason] ?? ''}
          </textarea>
        </div>
      )}
      <button type="submit" class="primary" id="check">
        Check the result
      </button>
    </form>
    {/* The phone script shows the review here, in place of the form (views/client/entry.tsx). */}
    <div id="review"></div>
    </>
  );
}
