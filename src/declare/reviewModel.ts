// What the officer checks before declaring: every figure as it will be published (with what
// it was, in a correction), who is elected, majority, turnout, the tie to settle and each
// warning to confirm. One model for both screens: the server computes it for the form without
// JavaScript, the phone computes it from the same code with no signal, and one component
// (views/officer/ReviewPanel.tsx) renders it on both.
import { checkDeclaration, electCandidates, majority, rejectedTotal, turnoutPercent, validVotes, verifiedTotal, type BallotPapers, type Check } from '../domain';
import { fieldName, rejectedBoxes, rejectedFields, verificationBoxes, voteBox, type FormBox } from '../officer/entryForm';
import type { DeclarationSubmission } from './submission';

export interface ReviewCandidate {
  id: string;
  name: string;
  party: string;
}

export interface ReviewInput {
  seats: number;
  /** The ward's candidates in ballot-paper order. */
  candidates: ReviewCandidate[];
  /** The declared figures being corrected, by form field name; null for a first declaration. */
  previous: Record<string, number> | null;
  /** The verification statement published before the count, for a first declaration. */
  statement?: BallotPapers | null;
  /** The submission, with its electorate settled. */
  submission: DeclarationSubmission & { electorate: number };
}

export interface AnswerRow {
  box: FormBox;
  value: number;
  /** The declared figure it replaces, where a correction changes it. */
  before: number | null;
}

export interface AnswerSection {
  caption: string;
  rows: AnswerRow[];
  total: { label: string; value: number };
}

export interface ReviewModel {
  correcting: boolean;
  elected: (ReviewCandidate & { votes: number; byLot: boolean })[];
  majority: number | null;
  turnoutPercent: number | null;
  sections: AnswerSection[];
  tie: { candidates: ReviewCandidate[]; votes: number; seatsToFill: number; resolved: boolean; chosen: string[] } | null;
  /** Problems that stop the declaration (a tie's lot winners that do not fit it). */
  blockers: string[];
  warnings: Check[];
  /** Whether anything stops the declaration until the figures or lots change. */
  blocked: boolean;
  reason: string | null;
}

/** The submission's figures by form field name, as the review and old → new compare them. */
export function figuresByField(s: DeclarationSubmission & { electorate: number }): Record<string, number> {
  const byField: Record<string, number> = {
    [fieldName.pollingStations]: s.ballotPapersVerified.pollingStations,
    [fieldName.postal]: s.ballotPapersVerified.postal,
    [fieldName.electorate]: s.electorate,
  };
  for (const r of rejectedFields) byField[fieldName.rejected(r)] = s.rejected[r];
  for (const v of s.votes) byField[fieldName.votes(v.candidate)] = v.votes;
  return byField;
}

export function reviewModel({ seats, candidates, previous, statement = null, submission: s }: ReviewInput): ReviewModel {
  const votesOf = new Map(s.votes.map((v) => [v.candidate, v.votes]));
  // Parties play no part in who is elected or in the checks.
  const counted = candidates.map((c) => ({ id: c.id, partyId: '', votes: votesOf.get(c.id) ?? 0 }));
  const figures = { seats, electorate: s.electorate, ballotPapersVerified: s.ballotPapersVerified, rejected: s.rejected, candidates: counted, lotWinners: s.lotWinners };
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const outcome = electCandidates(counted, seats, s.lotWinners);
  const checks = checkDeclaration(figures, { candidateName: name, statement });

  const now = figuresByField(s);
  const row = (box: FormBox): AnswerRow => {
    const before = previous?.[box.name];
    return { box, value: now[box.name] ?? 0, before: before !== undefined && before !== now[box.name] ? before : null };
  };
  return {
    correcting: previous !== null,
    elected: outcome.elected.map((id) => ({ ...byId.get(id)!, votes: votesOf.get(id) ?? 0, byLot: outcome.electedByLot.includes(id) })),
    majority: outcome.tie && !outcome.tie.resolved ? null : majority(counted, outcome.elected),
    turnoutPercent: turnoutPercent(verifiedTotal(s.ballotPapersVerified), s.electorate),
    sections: [
      { caption: 'Verification statement', rows: verificationBoxes.map(row), total: { label: 'Ballot papers verified', value: verifiedTotal(s.ballotPapersVerified) } },
      { caption: 'Votes', rows: candidates.map(voteBox).map(row), total: { label: 'Valid votes', value: validVotes(counted) } },
      { caption: 'Rejected ballot papers', rows: rejectedBoxes.map(row), total: { label: 'Rejected in all', value: rejectedTotal(s.rejected) } },
    ],
    tie: outcome.tie && {
      candidates: outcome.tie.candidates.map((id) => byId.get(id)!),
      votes: outcome.tie.votes,
      seatsToFill: outcome.tie.seatsToFill,
      resolved: outcome.tie.resolved,
      chosen: s.lotWinners ?? [],
    },
    blockers: checks.filter((c) => c.blocking && c.code === 'lot-winners-invalid').map((c) => c.message),
    warnings: checks.filter((c) => !c.blocking),
    blocked: checks.some((c) => c.blocking),
    reason: s.reason ?? null,
  };
}

/** Why "Declare" did nothing: said the same on both screens, beside the button. */
export const notDeclared = {
  warningsUnticked: (n: number) =>
    `Not published yet: tick "These are the figures as declared" under ${n === 1 ? 'the warning' : `each of the ${n} warnings`}, or change the figures.`,
  reasonMissing: 'Not published yet: give the reason for the correction. It is published with it.',
};
