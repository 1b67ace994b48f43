// The officer's phone form, as posted (plain HTML form fields), to and from the submission
// the API takes. Field names are shared with views/officer/ and views/client/officer.ts.
import type { ContestSnapshot } from '../../db/results';
import type { Problem } from '../declare/problems';
import type { DeclarationSubmission, VerificationSubmission } from '../declare/submission';

export const rejectedFields = ['noOfficialMark', 'tooManyVotes', 'identifiable', 'unmarkedOrUncertain'] as const;

/** How the ballot paper account names each reason for rejection. */
export const rejectedLabels: Record<(typeof rejectedFields)[number], string> = {
  noOfficialMark: 'Want of an official mark',
  tooManyVotes: 'Voting for more candidates than entitled',
  identifiable: 'Writing or mark identifying the voter',
  unmarkedOrUncertain: 'Unmarked or void for uncertainty',
};

export const fieldName = {
  votes: (candidateId: string) => `votes.${candidateId}`,
  rejected: (reason: (typeof rejectedFields)[number]) => `rejected.${reason}`,
  pollingStations: 'verified.pollingStations',
  postal: 'verified.postal',
  electorate: 'electorate',
  reason: 'reason',
  key: 'key',
  lot: 'lot',
  confirm: 'confirm',
} as const;

/** One box of the form: its input id, field name, label, and what it holds in a sentence. */
export interface FormBox {
  id: string;
  name: string;
  label: string;
  what: string;
}

export const verificationBoxes: FormBox[] = [
  { id: 'verified-ps', name: fieldName.pollingStations, label: 'Ballot papers verified from polling stations', what: 'the ballot papers verified from polling stations' },
  { id: 'verified-postal', name: fieldName.postal, label: 'Postal ballot papers verified', what: 'the postal ballot papers verified' },
  { id: 'electorate', name: fieldName.electorate, label: 'Electorate', what: 'the electorate' },
];

/**
 * The verification statement published on its own before the count: a form of its own on
 * the ward page, with names apart from the entry form's so the two never mix.
 */
export const statementField = { pollingStations: 'statement.pollingStations', postal: 'statement.postal' } as const;
// Labels of their own too: one page, two boxes with one label would be one box too many for a
// screen reader (and for anyone finding a box by its label).
export const statementBoxes: FormBox[] = [
  { ...verificationBoxes[0]!, id: 'statement-ps', name: statementField.pollingStations, label: 'Statement: ballot papers from polling stations' },
  { ...verificationBoxes[1]!, id: 'statement-postal', name: statementField.postal, label: 'Statement: postal ballot papers' },
];

export const rejectedBoxes: FormBox[] = rejectedFields.map((r) => ({
  id: `rejected-${r}`,
  name: fieldName.rejected(r),
  label: rejectedLabels[r],
  what: `the papers rejected for "${rejectedLabels[r].toLowerCase()}"`,
}));

/** A candidate's box, by ballot-paper position. */
export function voteBox(candidate: { id: string; name: string }, position: number): FormBox {
  return { id: `votes-${position}`, name: fieldName.votes(candidate.id), label: candidate.name, what: `the votes for ${candidate.name}` };
}

export const reasonBox: FormBox = { id: 'reason', name: fieldName.reason, label: 'Reason for the correction', what: 'the reason for the correction' };

/** Every box of the form in page order: verification first (known before the count ends). */
export function formBoxes(candidates: { id: string; name: string }[]): FormBox[] {
  return [...verificationBoxes, ...candidates.map(voteBox), ...rejectedBoxes, reasonBox];
}

/** What the officer typed, as text, keyed by field name: re-shown as typed after a problem. */
export type FormValues = Record<string, string>;
export type FormBody = Record<string, string | File | (string | File)[]>;

/** "1,234" and "1 234" are how people write numbers; anything else is left for zod to name. */
function count(raw: string | undefined): number | string | undefined {
  const text = (raw ?? '').trim();
  if (text === '') return undefined;
  return /^\d{1,3}([,\s]\d{3})+$|^\d+$/.test(text) ? Number(text.replace(/[,\s]/g, '')) : text;
}

function text(body: FormBody, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

export function all(body: FormBody, name: string): string[] {
  const value = body[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string');
}

/** The text fields as typed; the lot winners (several checkboxes) joined one per line. */
export function formValues(body: FormBody): FormValues {
  const values: FormValues = Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== fieldName.lot),
  );
  const lots = all(body, fieldName.lot);
  if (lots.length) values[fieldName.lot] = lots.join('\n');
  return values;
}

/**
 * The submission a posted form stands for. Warnings are confirmed on the form one checkbox
 * each (`confirm`), which the caller passes on as `confirmedWarnings`.
 */
export function submissionFromForm(body: FormBody, contest: ContestSnapshot): DeclarationSubmission {
  const reason = text(body, fieldName.reason)?.trim();
  const electorate = count(text(body, fieldName.electorate));
  return {
    votes: contest.candidates.map((c) => ({ candidate: c.id, votes: count(text(body, fieldName.votes(c.id))) as number })),
    rejected: Object.fromEntries(
      rejectedFields.map((r) => [r, count(text(body, fieldName.rejected(r))) ?? 0]),
    ) as DeclarationSubmission['rejected'],
    ballotPapersVerified: {
      pollingStations: count(text(body, fieldName.pollingStations)) as number,
      postal: count(text(body, fieldName.postal)) as number,
    },
    ...(electorate !== undefined ? { electorate: electorate as number } : {}),
    ...(all(body, fieldName.lot).length ? { lotWinners: all(body, fieldName.lot) } : {}),
    ...(reason ? { reason } : {}),
  };
}

export function verificationFromForm(body: FormBody): VerificationSubmission {
  return {
    ballotPapersVerified: {
      pollingStations: count(text(body, statementField.pollingStations)) as number,
      postal: count(text(body, statementField.postal)) as number,
    },
  };
}

/** A verification problem's API field as the statement form's field. */
export function statementFieldOf(problem: Problem): string {
  if (problem.field === 'ballotPapersVerified.pollingStations') return statementField.pollingStations;
  if (problem.field === 'ballotPapersVerified.postal') return statementField.postal;
  return problem.field;
}

/** A problem's API field ("votes[2].votes") as the form field it is about. */
export function formFieldOf(problem: Problem, contest: ContestSnapshot): string {
  const vote = problem.field.match(/^votes\[(\d+)\]/);
  if (vote) {
    const candidate = contest.candidates[Number(vote[1])];
    return candidate ? fieldName.votes(candidate.id) : 'votes';
  }
  const rejected = problem.field.match(/^rejected\.(\w+)/);
  if (rejected) return `rejected.${rejected[1]}`;
  if (problem.field.startsWith('ballotPapersVerified.')) return problem.field.replace('ballotPapersVerified.', 'verified.');
  return problem.field;
}

/**
 * A figure's problem as the API words it ("votes must be a number"), said as a sentence
 * to the officer about the box they typed in: "Enter the votes for Chris Spalding as a
 * number, like 1,234." `what` names the box as a phrase ("the votes for Chris Spalding").
 */
export function sentenceFor(message: string, what: string): string {
  const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  if (/must be a number/.test(message)) return sentence(`enter ${what} as a number, like 1,234.`);
  if (/must be a whole number/.test(message)) return sentence(`enter ${what} as a whole number.`);
  if (/cannot be negative/.test(message)) return sentence(`${what} cannot be below 0.`);
  if (/too large to be real/.test(message)) return sentence(`${what} is too large to be real: check for extra digits.`);
  return sentence(/[.!?]$/.test(message) ? message : `${message}.`);
}
