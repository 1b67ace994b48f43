// Declaring a ward's result: check the submission against the ward and the arithmetic,
// then record it with everything it causes in one atomic write. Shared by the JSON API and
// the officer's phone form.
import { declarationRow, recordDeclaration, voteRowsOf, type ConfirmedEntry, type NewDeclaration } from '../../db/declarations';
import type { StoredAnswer } from '../../db/storedAnswers';
import type { Actor } from '../../db/audit';
import type { Db } from '../../db/client';
import { loadContestWithElection, type ContestSnapshot, type ContestWithElection } from '../../db/results';
import { checkDeclaration, electCandidates, verificationStatementOf, type BallotPapers, type Check, type CountFigures, type Election } from '../domain';
import { candidateName, partyDirectory } from '../results/names';
import { contestResult, type ContestResult } from '../results/contestResult';
import { ProblemsError, type Problem } from './problems';
import { figuresByField, reviewModel, type ReviewModel } from './reviewModel';
import type { DeclarationSubmission } from './submission';
import { requestHash } from './requestHash';
import { enterForConfirmation } from './awaitingConfirmation';
import { replayOf, type Answer } from './replay';

export interface DeclareRequest {
  contestId: string;
  submission: DeclarationSubmission;
  userId: string;
  /** The user's name, said to others while the entry awaits their confirmation. */
  userName: string;
  idempotencyKey: string;
  actor: Actor;
  /** Channels to queue a post on. */
  channels: string[];
  /**
   * Warning codes the officer ticked one by one on the review screen (the phone form);
   * the API says `acceptWarnings: true` instead.
   */
  confirmedWarnings?: string[];
}

/** What declaring a ward needs of its election: its id and parties. */
export type ElectionOfContest = Pick<ContestWithElection, 'election' | 'parties'>;

/** A snapshot of the ward as it is, and the checks its figures raise: the review screen. */
export interface Review {
  snapshot: ElectionOfContest;
  contest: ContestSnapshot;
  figures: CountFigures;
  checks: Check[];
  /** Who is elected, and any tie across the last seat. */
  outcome: Election;
  preview: ContestResult;
}

/** The ward and what declaring it needs of its election; a 404 problem if there is no such ward. */
export async function loadContest(db: Db, contestId: string): Promise<{ snapshot: ElectionOfContest; contest: ContestSnapshot }> {
  const ward = await loadContestWithElection(db, contestId);
  if (!ward) throw new ProblemsError(404, [{ field: 'contestId', message: 'There is no ward with that id.' }]);
  const { contest, ...snapshot } = ward;
  return { snapshot, contest };
}

/** Everything wrong with a submission that no confirmation can fix. */
function fitProblems(contest: ContestSnapshot, s: DeclarationSubmission): Problem[] {
  if (contest.status === 'uncontested') {
    return [{ field: 'contestId', message: `${contest.name} is uncontested: its candidates are elected unopposed, so there is no result to declare.` }];
  }
  const problems: Problem[] = [];
  const known = new Map(contest.candidates.map((c) => [c.id, c]));
  const seen = new Set<string>();
  s.votes.forEach((v, i) => {
    if (!known.has(v.candidate)) {
      problems.push({ field: `votes[${i}].candidate`, message: `${v.candidate} is not a candidate in ${contest.name}.` });
    } else if (seen.has(v.candidate)) {
      problems.push({ field: `votes[${i}].candidate`, message: `${candidateName(known.get(v.candidate)!)} is listed twice.` });
    }
    seen.add(v.candidate);
  });
  for (const c of contest.candidates) {
    if (!seen.has(c.id)) problems.push({ field: 'votes', message: `No votes are given for ${candidateName(c)}.` });
  }
  if (contest.versions.length > 0 && !s.reason) {
    problems.push({ field: 'reason', message: `${contest.name} is already declared: a correction needs a reason.` });
  }
  return problems;
}

/** Validates a submission against the ward and works out the result, without writing. */
export async function reviewDeclaration(db: Db, contestId: string, s: DeclarationSubmission): Promise<Review> {
  return reviewContest(await loadContest(db, contestId), s);
}

/** The same, for a ward the caller has already loaded. */
export function reviewContest({ snapshot, contest }: { snapshot: ElectionOfContest; contest: ContestSnapshot }, s: DeclarationSubmission): Review {
  const problems = fitProblems(contest, s);
  if (problems.length) throw new ProblemsError(422, problems);

  const votes = new Map(s.votes.map((v) => [v.candidate, v.votes]));
  const figures: CountFigures = {
    seats: contest.seats,
    electorate: s.electorate ?? contest.electorate,
    ballotPapersVerified: s.ballotPapersVerified,
    rejected: s.rejected,
    candidates: contest.candidates.map((c) => ({ id: c.id, partyId: c.partyId, votes: votes.get(c.id)! })),
    lotWinners: s.lotWinners,
  };
  const names = new Map(contest.candidates.map((c) => [c.id, candidateName(c)]));
  const checks = checkDeclaration(figures, { candidateName: (id) => names.get(id) ?? id, statement: statementBeforeDeclaring(contest) });
  const preview = previewResult(snapshot, contest, figures, s.reason ?? null);
  const outcome = electCandidates(figures.candidates, figures.seats, figures.lotWinners);
  return { snapshot, contest, figures, checks, outcome, preview };
}

function newDeclaration(snapshot: ElectionOfContest, contest: ContestSnapshot, f: CountFigures, reason: string | null, channels: string[], acceptedWarnings: string[]): NewDeclaration {
  const outcome = electCandidates(f.candidates, f.seats, f.lotWinners);
  const elected = new Set(outcome.elected);
  const byLot = new Set(outcome.electedByLot);
  const now = new Date().toISOString();
  return {
    electionId: snapshot.election.id,
    contestId: contest.id,
    version: (contest.versions.at(-1)?.version ?? 0) + 1,
    // A correction changes the figures, not when the result was declared.
    declaredAt: contest.versions[0]?.declaredAt ?? now,
    electorate: f.electorate,
    verified: f.ballotPapersVerified,
    rejected: f.rejected,
    votes: f.candidates.map((c) => ({ candidateId: c.id, votes: c.votes, elected: elected.has(c.id), electedByLot: byLot.has(c.id) })),
    reason: contest.versions.length > 0 ? reason : null,
    acceptedWarnings,
    // A rehearsal posts to the log channel only, and pushes nothing to newsrooms.
    channels: snapshot.election.rehearsal ? channels.filter((c) => c === 'log') : channels,
    toSubscribers: !snapshot.election.rehearsal,
  };
}

/** The contest as it will read once this declaration is recorded. */
function previewResult(snapshot: ElectionOfContest, contest: ContestSnapshot, f: CountFigures, reason: string | null, d = newDeclaration(snapshot, contest, f, reason, [], [])): ContestResult {
  const version = { ...declarationRow(d, null, new Date().toISOString()), votes: voteRowsOf(d) };
  const declared: ContestSnapshot = { ...contest, status: 'declared', versions: [...contest.versions, version] };
  return contestResult(snapshot.election.id, declared, partyDirectory(snapshot.parties));
}

/**
 * Declares (or corrects) a ward. A replay of the same Idempotency-Key with the same body
 * gets the first answer back and changes nothing; the same key with another body is a 409.
 * With a second pair of eyes on, the entry waits for a different officer instead (a 202).
 */
export async function declareResult(db: Db, r: DeclareRequest): Promise<Answer> {
  const hash = await requestHash(r.contestId, r.submission);
  const earlier = await replayOf(db, r.userId, r.idempotencyKey, hash);
  if (earlier) return earlier;

  const review = await reviewDeclaration(db, r.contestId, r.submission);
  const warnings = acceptedWarnings(review, r.submission, r.confirmedWarnings);
  if (review.snapshot.election.secondPairOfEyes) return enterForConfirmation(db, review, r, hash);
  return publishReviewed(db, review, warnings, r, hash, null);
}

/**
 * The warnings the officer accepted; a 422 naming what stops the declaration (a tie without
 * its drawing of lots) or what was not confirmed.
 */
export function acceptedWarnings(review: Review, submission: DeclarationSubmission, confirmedWarnings: string[] = []): string[] {
  const blocking = review.checks.filter((c) => c.blocking);
  if (blocking.length) {
    throw new ProblemsError(422, blocking.map((c) => ({ field: 'lotWinners', message: c.message, code: c.code })));
  }
  const warnings = review.checks.filter((c) => !c.blocking);
  const confirmed = new Set(confirmedWarnings);
  const accepted = submission.acceptWarnings === true || warnings.every((w) => confirmed.has(w.code));
  if (warnings.length && !accepted) {
    throw new ProblemsError(
      422,
      warnings.map((c) => ({ field: 'acceptWarnings', message: `${c.message} Check the figures, or confirm them to declare as they are.`, code: c.code })),
    );
  }
  return warnings.map((w) => w.message);
}

/**
 * Records a checked declaration with its posts, answering 201 with the contest as published.
 * `confirmed`: the entry awaiting confirmation that this publishes (it must still stand).
 */
export async function publishReviewed(
  db: Db,
  review: Review,
  warnings: string[],
  r: Pick<DeclareRequest, 'contestId' | 'submission' | 'userId' | 'idempotencyKey' | 'actor' | 'channels'>,
  hash: string,
  confirmed: ConfirmedEntry | null,
): Promise<Answer> {
  const declaration = newDeclaration(review.snapshot, review.contest, review.figures, r.submission.reason ?? null, r.channels, warnings);
  const body = JSON.stringify(previewResult(review.snapshot, review.contest, review.figures, r.submission.reason ?? null, declaration));
  const answer: StoredAnswer = { userId: r.userId, key: r.idempotencyKey, requestHash: hash, status: 201, body };
  try {
    await recordDeclaration(db, declaration, r.actor, answer, confirmed);
  } catch (error) {
    // Either a concurrent replay of this same request committed first (its answer is ours),
    // or another submission took this version: the officer must look before correcting.
    const replay = await replayOf(db, r.userId, r.idempotencyKey, hash);
    if (replay) return replay;
    if (await versionTaken(db, r.contestId, declaration.version)) {
      throw new ProblemsError(409, [
        { field: 'contestId', message: `Another result for ${review.contest.name} was recorded at the same moment. Reload to see it; submit a correction if it is wrong.` },
      ]);
    }
    throw error;
  }
  return { status: 201, body, replayed: false };
}

async function versionTaken(db: Db, contestId: string, version: number): Promise<boolean> {
  const { contest } = await loadContest(db, contestId);
  return contest.versions.some((v) => v.version === version);
}

/** The verification statement a first declaration is checked against (none once declared). */
export function statementBeforeDeclaring(contest: ContestSnapshot): BallotPapers | null {
  if (contest.versions.length > 0) return null;
  return verificationStatementOf(contest)?.papers ?? null;
}

/**
 * The review of a submission for the officer's screen (src/declare/reviewModel.ts), with
 * the ward's names and parties and, in a correction, the figures it replaces.
 */
export function reviewOfSubmission({ snapshot, contest }: { snapshot: ElectionOfContest; contest: ContestSnapshot }, s: DeclarationSubmission): ReviewModel {
  const parties = new Map(snapshot.parties.map((p) => [p.id, p.name]));
  return reviewModel({
    seats: contest.seats,
    candidates: contest.candidates.map((c) => ({ id: c.id, name: candidateName(c), party: parties.get(c.partyId) ?? c.partyId })),
    previous: declaredFigures(contest),
    statement: statementBeforeDeclaring(contest),
    submission: { ...s, electorate: s.electorate ?? contest.electorate },
  });
}

/** The figures of the ward's latest version by form field name, or null before its first. */
export function declaredFigures(contest: ContestSnapshot): Record<string, number> | null {
  const latest = contest.versions.at(-1);
  if (!latest) return null;
  return figuresByField({
    votes: latest.votes.map((v) => ({ candidate: v.candidateId, votes: v.votes })),
    rejected: {
      noOfficialMark: latest.rejectedNoOfficialMark,
      tooManyVotes: latest.rejectedTooManyVotes,
      identifiable: latest.rejectedIdentifiable,
      unmarkedOrUncertain: latest.rejectedUnmarkedOrUncertain,
    },
    ballotPapersVerified: { pollingStations: latest.verifiedPollingStations, postal: latest.verifiedPostal },
    electorate: latest.electorate,
  });
}
