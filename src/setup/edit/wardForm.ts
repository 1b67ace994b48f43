// Admin → Elections → Edit → a ward: its name, seats, electorate, previous result and
// candidates (names, party and place on the ballot paper). The form's own rules are only
// those of a form (a party chosen from the list, each place on the ballot paper once); every
// rule of the definition itself is the file's, checked when the edit is saved (editedDefinition.ts).
import { z } from 'zod';
import type { ElectionDefinition } from '../definition';
import { boxOf, numberFrom, rowsSent, textOf, type FormBody } from './formValues';
import type { DefinitionForm, FieldProblem, PartyChoice } from './editedDefinition';

type Contest = ElectionDefinition['contests'][number];

const candidateParts = ['position', 'surname', 'otherNames', 'knownAs', 'description', 'party'] as const;
type CandidatePart = (typeof candidateParts)[number];

export interface WardFormValues {
  name: string;
  seats: string;
  electorate: string;
  /** Party id and seats; both empty for a row left blank. */
  previous: { party: string; seats: string }[];
  /** In the ballot paper's order when the form was opened. */
  candidates: Record<CandidatePart, string>[];
}

export const wardField = {
  name: 'name',
  seats: 'seats',
  electorate: 'electorate',
  previousParty: (row: number) => `previous.${row}.party`,
  previousSeats: (row: number) => `previous.${row}.seats`,
  candidate: (row: number, part: CandidatePart) => `candidates.${row}.${part}`,
};

/** Blank rows under a ward's previous result, to add a party that held seats there. */
const blankPreviousRows = 2;
/** More rows than any ward had parties: a body claiming more is not this form's. */
const mostPreviousRows = 40;

/** The ward as its form shows it first. */
export function wardFormValues(contest: Contest, parties: PartyChoice[]): WardFormValues {
  const idOf = (name: string) => parties.find((p) => p.name === name)?.id ?? '';
  const previous = (contest.previous ?? []).map((p) => ({ party: idOf(p.party), seats: boxOf(p.seats) }));
  return {
    name: contest.name,
    seats: boxOf(contest.seats),
    electorate: boxOf(contest.electorate),
    previous: [...previous, ...Array.from({ length: blankPreviousRows }, () => ({ party: '', seats: '' }))],
    candidates: contest.candidates.map((c, i) => ({
      position: String(i + 1),
      surname: c.surname,
      otherNames: c.otherNames,
      knownAs: c.knownAs ?? '',
      description: c.description,
      party: idOf(c.party),
    })),
  };
}

/** The ward's form as posted: one row per candidate the ward has. */
export function readWardForm(body: FormBody, candidates: number): WardFormValues {
  const previousRows = rowsSent(body, wardField.previousParty, mostPreviousRows);
  return {
    name: textOf(body, wardField.name),
    seats: textOf(body, wardField.seats),
    electorate: textOf(body, wardField.electorate),
    previous: Array.from({ length: previousRows }, (_, row) => ({
      party: textOf(body, wardField.previousParty(row)),
      seats: textOf(body, wardField.previousSeats(row)),
    })),
    candidates: Array.from({ length: candidates }, (_, row) =>
      Object.fromEntries(candidateParts.map((part) => [part, textOf(body, wardField.candidate(row, part))])) as Record<CandidatePart, string>,
    ),
  };
}

/** What only a form can get wrong: a party not from the list, a place on the ballot paper given twice. */
function formRules(parties: PartyChoice[]) {
  const names = new Map(parties.map((p) => [p.id, p.name]));
  const listed = z.string().refine((id) => names.has(id), 'Choose the party from the list');
  return z.object({
    // A party chosen on two rows is the file's own rule (src/setup/namedTwice.ts), said from there.
    previous: z.array(
      z
        .object({ party: z.union([z.literal(''), listed]), seats: z.string() })
        .refine((row) => row.party !== '' || row.seats.trim() === '', { path: ['party'], message: 'Choose the party that held these seats' }),
    ),
    candidates: z
      .array(z.object({ position: z.string(), party: listed }))
      .superRefine((rows, ctx) => {
        const taken = new Map<number, number>();
        rows.forEach((row, i) => {
          const position = numberFrom(row.position);
          if (!Number.isInteger(position) || position < 1 || position > rows.length) {
            ctx.addIssue({ code: 'custom', path: [i, 'position'], message: `Position on the ballot paper must be a whole number from 1 to ${rows.length}` });
          } else if (taken.has(position)) {
            ctx.addIssue({ code: 'custom', path: [i, 'position'], message: `Position ${position} is given to candidate ${taken.get(position)! + 1} too: give each candidate a position of their own` });
          } else taken.set(position, i);
        });
      }),
  });
}

/**
 * The whole definition with this ward as the form says, and the form's own problems. The
 * candidates are put in the order of their positions (the ballot paper's order).
 */
export function applyWardForm(def: ElectionDefinition, contestIndex: number, values: WardFormValues, parties: PartyChoice[]): DefinitionForm {
  const contest = def.contests[contestIndex]!;
  const nameOf = (id: string) => parties.find((p) => p.id === id)?.name ?? id;
  const candidateAt = (row: number) => {
    const surname = values.candidates[row]?.surname.trim();
    return `${contest.name}, candidate ${row + 1}${surname ? ` (${surname})` : ''}`;
  };

  const problems: FieldProblem[] = [];
  const checked = formRules(parties).safeParse(values);
  for (const issue of checked.success ? [] : checked.error.issues) {
    const [section, row, part] = issue.path as [string, number, string];
    if (section === 'previous') problems.push({ field: wardField.previousParty(row), message: `${contest.name}, previous result ${row + 1}: ${issue.message}` });
    else problems.push({ field: wardField.candidate(row, part as CandidatePart), message: `${candidateAt(row)}: ${issue.message}` });
  }

  const previousRows = values.previous.map((row, formRow) => ({ row, formRow })).filter(({ row }) => row.party !== '' || row.seats.trim() !== '');
  const candidateRows = values.candidates
    .map((row, formRow) => ({ row, formRow, position: numberFrom(row.position) }))
    .sort((a, b) => (a.position || Infinity) - (b.position || Infinity) || a.formRow - b.formRow);
  const edited: Contest = {
    ...contest,
    name: values.name,
    seats: numberFrom(values.seats),
    electorate: numberFrom(values.electorate),
    previous: previousRows.map(({ row }) => ({ party: nameOf(row.party), seats: numberFrom(row.seats) })),
    candidates: candidateRows.map(({ row, formRow }) => {
      const { knownAs: _knownAs, ...stored } = contest.candidates[formRow]!;
      return {
        ...stored,
        surname: row.surname,
        otherNames: row.otherNames,
        ...(row.knownAs.trim() ? { knownAs: row.knownAs } : {}),
        description: row.description,
        party: nameOf(row.party),
      };
    }),
  };

  // Where the definition's rules point, on this form.
  const fieldOf = (path: PropertyKey[]): string | null => {
    const [section, index, part, row, key] = path;
    if (section !== 'contests' || index !== contestIndex) return null;
    if (part === 'name' || part === 'seats' || part === 'electorate') return wardField[part];
    if (part === 'previous' && typeof row === 'number') {
      const formRow = previousRows[row]!.formRow;
      return key === 'party' ? wardField.previousParty(formRow) : wardField.previousSeats(formRow);
    }
    if (part === 'candidates' && typeof row === 'number' && candidateParts.includes(key as CandidatePart)) {
      return wardField.candidate(candidateRows[row]!.formRow, key as CandidatePart);
    }
    return null;
  };
  // Rows as the form numbers them ("Candidate 2"), whatever order the positions put them in.
  const rowNumber = (part: 'previous' | 'candidates', index: number, row: number) =>
    index !== contestIndex ? row + 1 : (part === 'previous' ? previousRows[row]!.formRow : candidateRows[row]!.formRow) + 1;
  return { draft: { ...def, contests: def.contests.map((c, i) => (i === contestIndex ? edited : c)) }, problems, fieldOf, rowNumber };
}
