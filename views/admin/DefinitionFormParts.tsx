// The pieces both edit pages of an election's definition are made of (the council's and a
// ward's): what the page says above the form, a labelled box with its problem beside it, a
// choice of party. Once a result is in, the same boxes are shown read-only.
import type { Child } from 'hono/jsx';
import type { FieldProblem, PartyChoice } from '../../src/setup/edit/editedDefinition';
import { countOf } from '../../src/domain';
import { ProblemSummary } from '../shared/ProblemSummary';

/** Where an edit stands, said above its form. */
export interface EditState {
  /** Results entered (every version, and any awaiting confirmation): above 0, the form is read-only. */
  results: number;
  /** Just saved: what was changed, in words. */
  saved?: string | null;
  /** A refused save: every problem, each beside its box too when it has one. */
  problems?: FieldProblem[];
  /** A save refused for a reason that is not one box's: the election changed, or a result came in. */
  refused?: string | null;
}

export const isLocked = (state: EditState) => state.results > 0;

export function EditNotices({ state, electionName }: { state: EditState; electionName: string }) {
  return (
    <>
      {isLocked(state) && (
        <p class="notice" role="status">
          {countOf(state.results, 'result has', 'results have')} been entered for {electionName}, so its wards, candidates and parties can no longer be changed.
          This page shows them as they stand.
        </p>
      )}
      {state.saved && (
        <p class="notice" role="status">
          {state.saved}
        </p>
      )}
      {state.refused && (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>Not saved: nothing was changed</h2>
          <p>{state.refused}</p>
        </div>
      )}
      <ProblemSummary title="There is a problem: nothing was saved" problems={(state.problems ?? []).map((p) => p.message)} />
    </>
  );
}

/** Each box's problem by its field name. */
export function errorsByField(problems: FieldProblem[] = []): Map<string, string> {
  const errors = new Map<string, string>();
  for (const p of problems) if (p.field && !errors.has(p.field)) errors.set(p.field, p.message);
  return errors;
}

/** An id for a field name ("candidates.2.surname" → "f-candidates-2-surname"). */
export const boxId = (name: string) => `f-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;

function Problem({ id, error }: { id: string; error?: string }) {
  return error ? (
    <span class="error" id={`${id}-error`}>
      {error}
    </span>
  ) : null;
}

export function Box(props: { name: string; label: string; value: string; error?: string; hint?: string; numeric?: boolean; type?: string }) {
  const id = boxId(props.name);
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${props.error ? ' has-error' : ''}`}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      <Problem id={id} error={props.error} />
      <input
        id={id}
        name={props.name}
        value={props.value}
        type={props.type ?? 'text'}
        inputmode={props.numeric ? 'numeric' : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}

/** A choice of the election's parties; `none` names the empty choice when there is one. */
export function PartySelect(props: { name: string; label: string; value: string; parties: PartyChoice[]; none?: string; error?: string }) {
  const id = boxId(props.name);
  return (
    <div class={`field${props.error ? ' has-error' : ''}`}>
      <label for={id}>{props.label}</label>
      <Problem id={id} error={props.error} />
      <select id={id} name={props.name} aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? `${id}-error` : undefined}>
        {props.none !== undefined && (
          <option value="" selected={props.value === ''}>
            {props.none}
          </option>
        )}
        {props.parties.map((p) => (
          <option value={p.id} selected={p.id === props.value}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The form, or the same boxes read-only once a result is in (a disabled fieldset sends nothing and takes no typing). */
export function EditForm({ action, csrf, basis, state, button, children }: { action: string; csrf: string; basis: string; state: EditState; button: string; children: Child }) {
  const locked = isLocked(state);
  return (
    <form method="post" action={action} novalidate>
      <input type="hidden" name="_csrf" value={csrf} />
      {/* The election as it was when this form was opened: a save after anyone else's change is refused. */}
      <input type="hidden" name="basis" value={basis} />
      <fieldset disabled={locked}>{children}</fieldset>
      {!locked && (
        <button type="submit" class="primary">
          {button}
        </button>
      )}
    </form>
  );
}
