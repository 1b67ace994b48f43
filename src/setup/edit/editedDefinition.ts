// An edit of an election's definition: the whole definition as a form left it, checked by
// the file's own rules (src/setup/definition.ts) and saved the way an import saves, in one
// write with its audit entry saying what changed. Refused, nothing is written.
import type { Actor } from '../../../db/audit';
import type { Db } from '../../../db/client';
import { replaceElectionDefinition } from '../../../db/setup';
import { electionDefinition, type ElectionDefinition } from '../definition';
import { definitionRows } from '../importElection';
import { changesInWords } from './changesInWords';
import { problemsInWords, type RowNumber } from './problemsInWords';

/** A party to choose on the forms. */
export interface PartyChoice {
  id: string;
  name: string;
}

/** A problem in words, and the form's box it is about (null when it is not on this form). */
export interface FieldProblem {
  field: string | null;
  message: string;
}

/** What a form made of the definition. */
export interface DefinitionForm {
  /** The whole definition with the form's changes, not yet checked. */
  draft: ElectionDefinition;
  /** What the form itself refuses (a party not on the list...). */
  problems: FieldProblem[];
  /** The form's box for a place in the definition, to show the definition's problems beside it. */
  fieldOf(path: PropertyKey[]): string | null;
  /** How the form numbers a ward's rows, when not as the definition lists them. */
  rowNumber?: RowNumber;
}

export type EditOutcome = { saved: true; changes: string[] } | { saved: false; problems: FieldProblem[] };

/**
 * Checks the form's definition by the file's rules and, if it holds and changes anything,
 * saves it. `unchangedSince` is the election's updatedAt when the form was opened: if anyone
 * changed the election since, the write fails whole (DefinitionChangedError), so no edit
 * silently undoes another. The write refuses once a result is in (DefinitionLockedError).
 */
export async function saveEditedDefinition(db: Db, before: ElectionDefinition, form: DefinitionForm, unchangedSince: string, actor: Actor): Promise<EditOutcome> {
  const checked = electionDefinition.safeParse(form.draft);
  const problems = [
    ...form.problems,
    ...(checked.success ? [] : problemsInWords(checked.error, form.draft, form.rowNumber).map((p) => ({ field: form.fieldOf(p.path), message: p.message }))),
  ];
  if (problems.length || !checked.success) return { saved: false, problems };
  const changes = changesInWords(before, checked.data);
  if (changes.length === 0) return { saved: true, changes };
  const { warnings: _warnings, ...definition } = definitionRows(checked.data);
  await replaceElectionDefinition(db, definition, actor, { audit: { action: 'election.edit', detail: { changes } }, unchangedSince });
  return { saved: true, changes };
}
