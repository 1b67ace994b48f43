// Checks shown to the count officer before declaring. Real counts do have discrepancies and the
// declared figures are what gets published, so arithmetic mismatches are warnings the officer must
// confirm. Only what would make the result itself unknowable (who is elected) blocks declaring.
import { rejectedTotal, turnoutPercent, validVotes, verifiedTotal } from './count';
import { electCandidates, lotWinnersProblem } from './elect';
import { countOf, formatNumber, formatPercent, listInWords } from './format';
import type { BallotPapers, CountFigures } from './types';

export type CheckCode =
  | 'votes-plus-rejected-mismatch'
  | 'votes-exceed-possible'
  | 'turnout-over-100'
  | 'votes-above-verified'
  | 'verified-differs-from-statement'
  | 'votes-out-of-line'
  | 'rejected-high'
  | 'tie-needs-lots'
  | 'lot-winners-invalid';

export interface Check {
  code: CheckCode;
  /** Blocking checks stop the declaration; the others need the officer's confirmation. */
  blocking: boolean;
  message: string;
}

export interface CheckOptions {
  /** How to name a candidate in messages (ids otherwise). */
  candidateName?: (candidateId: string) => string;
  /** The verification statement published before the count, if one was. */
  statement?: BallotPapers | null;
}

export function checkDeclaration(figures: CountFigures, options: CheckOptions = {}): Check[] {
  const candidateName = options.candidateName ?? ((id: string) => id);
  return [
    ...ballotPaperChecks(figures),
    ...statementChecks(figures, options.statement ?? null),
    ...turnoutChecks(figures),
    ...slipChecks(figures, candidateName),
    ...lotChecks(figures, candidateName),
  ];
}

function ballotPaperChecks(figures: CountFigures): Check[] {
  const votes = validVotes(figures.candidates);
  const rejected = rejectedTotal(figures.rejected);
  const verified = verifiedTotal(figures.ballotPapersVerified);

  if (figures.seats === 1) {
    // One vote per ballot paper: every verified paper is either a vote or rejected.
    const accounted = votes + rejected;
    if (accounted === verified) return [];
    return [
      warning(
        'votes-plus-rejected-mismatch',
        `Votes (${formatNumber(votes)}) plus rejected ballot papers (${formatNumber(rejected)}) come to ` +
          `${formatNumber(accounted)}, but ${formatNumber(verified)} ballot papers were verified: ` +
          `a difference of ${formatNumber(Math.abs(accounted - verified))}.`,
      ),
    ];
  }

  // Several votes per ballot paper, and voters may use fewer than all of them, so only a ceiling holds.
  const validPapers = verified - rejected;
  const mostPossible = figures.seats * validPapers;
  if (votes <= mostPossible) return [];
  return [
    warning(
      'votes-exceed-possible',
      `Votes come to ${formatNumber(votes)}, but ${formatNumber(validPapers)} valid ballot papers ` +
        `(${formatNumber(verified)} verified less ${formatNumber(rejected)} rejected) with ` +
        `${formatNumber(figures.seats)} votes each allow at most ${formatNumber(mostPossible)}: ` +
        `${formatNumber(votes - mostPossible)} too many.`,
    ),
  ];
}

/** The declared figures start from the published statement; a change there is worth a second look. */
function statementChecks(figures: CountFigures, statement: BallotPapers | null): Check[] {
  if (!statement) return [];
  const now = figures.ballotPapersVerified;
  if (now.pollingStations === statement.pollingStations && now.postal === statement.postal) return [];
  return [
    warning(
      'verified-differs-from-statement',
      `The verified ballot papers (${formatNumber(verifiedTotal(now))}: ${formatNumber(now.pollingStations)} from polling ` +
        `stations, ${formatNumber(now.postal)} postal) differ from the verification statement published earlier ` +
        `(${formatNumber(verifiedTotal(statement))}: ${formatNumber(statement.pollingStations)} and ${formatNumber(statement.postal)}).`,
    ),
  ];
}

function turnoutChecks(figures: CountFigures): Check[] {
  const verified = verifiedTotal(figures.ballotPapersVerified);
  // Compared as whole numbers: a turnout of 100.004% rounds to 100.00% but is still impossible.
  if (verified <= figures.electorate) return [];
  const turnout = turnoutPercent(verified, figures.electorate);
  const turnoutWords = turnout === null ? 'more than 100%' : formatPercent(turnout);
  return [
    warning(
      'turnout-over-100',
      `${formatNumber(verified)} ballot papers were verified but the electorate is ` +
        `${formatNumber(figures.electorate)}: a turnout of ${turnoutWords}, which is not possible.`,
    ),
  ];
}

/** Above this share of the ballot papers, rejected papers are rare enough to be checked. */
export const rejectedShareToCheck = 0.05;
/** A candidate this many times the next highest is more often a slipped digit than a landslide. */
export const outOfLineFactor = 10;

/**
 * Figures out of line with the rest of the ward: the marks of a digit typed twice or a box
 * filled in the wrong place on a phone at 2 a.m. None of them is impossible in principle
 * (hence warnings to confirm, not blocks), but none occurs in the real declarations we hold.
 */
function slipChecks(figures: CountFigures, candidateName: (id: string) => string): Check[] {
  const checks: Check[] = [];
  const verified = verifiedTotal(figures.ballotPapersVerified);
  for (const c of figures.candidates) {
    if (c.votes > verified) {
      checks.push(
        warning('votes-above-verified', `${candidateName(c.id)} has ${formatNumber(c.votes)} votes, more than the ${formatNumber(verified)} ballot papers verified. Check for a slipped digit.`),
      );
    }
  }
  const [highest, next] = [...figures.candidates].sort((a, b) => b.votes - a.votes);
  if (highest && next && next.votes > 0 && highest.votes >= outOfLineFactor * next.votes) {
    checks.push(
      warning(
        'votes-out-of-line',
        `${candidateName(highest.id)} has ${formatNumber(highest.votes)} votes, ${Math.floor(highest.votes / next.votes)} times the next highest ` +
          `(${candidateName(next.id)}, ${formatNumber(next.votes)}). Check for an extra digit.`,
      ),
    );
  }
  const rejected = rejectedTotal(figures.rejected);
  if (verified > 0 && rejected > rejectedShareToCheck * verified) {
    checks.push(
      warning(
        'rejected-high',
        `${formatNumber(rejected)} rejected ballot papers are ${formatPercent((100 * rejected) / verified)} of the ${formatNumber(verified)} verified, ` +
          `and more than ${formatNumber(100 * rejectedShareToCheck)}% is unusual. Check each reason's figure.`,
      ),
    );
  }
  return checks;
}

function lotChecks(figures: CountFigures, candidateName: (id: string) => string): Check[] {
  const { tie } = electCandidates(figures.candidates, figures.seats, figures.lotWinners);
  const checks: Check[] = [];
  const problem = lotWinnersProblem(tie, figures.lotWinners, candidateName);
  if (problem !== null) checks.push(blocker('lot-winners-invalid', problem));
  if (tie !== null && !tie.resolved) {
    checks.push(
      blocker(
        'tie-needs-lots',
        `${listInWords(tie.candidates.map(candidateName))} tie on ${formatNumber(tie.votes)} votes for ` +
          `${tie.seatsToFill === 1 ? 'the last seat' : `the last ${countOf(tie.seatsToFill, 'seat', 'seats')}`}. ` +
          `Draw lots, then record who won before declaring.`,
      ),
    );
  }
  return checks;
}

function warning(code: CheckCode, message: string): Check {
  return { code, blocking: false, message };
}

function blocker(code: CheckCode, message: string): Check {
  return { code, blocking: true, message };
}
