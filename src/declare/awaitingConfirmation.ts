// A second pair of eyes: with it on, a declaration entered by one officer waits, not public
// and nothing queued, until a different officer enters the same figures again
// (src/declare/confirmDeclaration.ts). This is the entering side, and what is said about an
// entry while it waits.
import type { Db } from '../../db/client';
import { findPendingDeclaration, savePendingEntry, type PendingEntry } from '../../db/pendingDeclarations';
import type { ContestSnapshot } from '../../db/results';
import type { PendingSubmission } from '../../db/schema';
import type { StoredAnswer } from '../../db/storedAnswers';
import { publishable } from '../domain/text';
import { confirmApiPath } from '../http/paths';
import { candidateName } from '../results/names';
import type { AwaitingConfirmation, EntryDifference, PendingEntryAnswer } from '../results/publicSchemas';
import { entryDifferences, type NamedCandidate } from './compareEntries';
import type { DeclareRequest, Review } from './declareResult';
import { ProblemsError } from './problems';
import { replayOf, type Answer } from './replay';
import type { DeclarationSubmission } from './submission';

/**
 * What the ward's form does for this officer: publish at once (the mode is off), enter a
 * result for a second officer to confirm (or fix one's own entry), or confirm another
 * officer's entry by entering the figures again, blind. An entry already waiting is
 * confirmed even if the mode has been switched off since.
 */
export type EntryMode = 'publish' | 'enter' | 'confirm';

export function entryModeOf(secondPairOfEyes: boolean, pending: { enteredBy: string } | null, userId: string): EntryMode {
  if (pending && pending.enteredBy !== userId) return 'confirm';
  return secondPairOfEyes ? 'enter' : 'publish';
}


/** A submission's figures as kept while awaiting confirmation: its electorate settled, warnings' acceptance left out. */
export function settledSubmission(s: DeclarationSubmission, contest: ContestSnapshot): PendingSubmission {
  return {
    votes: s.votes,
    rejected: s.rejected,
    ballotPapersVerified: s.ballotPapersVerified,
    electorate: s.electorate ?? contest.electorate,
    ...(s.lotWinners ? { lotWinners: s.lotWinners } : {}),
    ...(s.reason ? { reason: s.reason } : {}),
  };
}

/** The ward's candidates by name, made fit to show (names stored before the text rules are cleaned, as everywhere they are published). */
export const namedCandidates = (contest: ContestSnapshot): NamedCandidate[] => contest.candidates.map((c) => ({ id: c.id, name: publishable(candidateName(c)) }));

export const awaitingAnotherOfficer = (contestName: string, enteredBy: string) =>
  `${contestName} already has a result entered by ${enteredBy}, awaiting a second officer: confirm it by entering the figures again, rather than entering a new result.`;

/**
 * Keeps a checked entry awaiting confirmation (a 202), replacing the officer's own earlier
 * entry of the ward. Another officer's entry waiting there is confirmed, not replaced: a 409.
 */
export async function enterForConfirmation(db: Db, review: Review, r: DeclareRequest, hash: string): Promise<Answer> {
  const { contest } = review;
  const pending = await findPendingDeclaration(db, contest.id);
  if (pending && pending.enteredBy !== r.userId) throw new ProblemsError(409, [{ field: 'contestId', message: awaitingAnotherOfficer(contest.name, pending.enteredByName) }]);
  const entry = {
    id: crypto.randomUUID(),
    contestId: contest.id,
    version: (contest.versions.at(-1)?.version ?? 0) + 1,
    submission: settledSubmission(r.submission, contest),
    enteredBy: r.userId,
    enteredAt: new Date().toISOString(),
  };
  const answerBody: AwaitingConfirmation = {
    status: 'awaiting_confirmation',
    id: contest.id,
    name: contest.name,
    version: entry.version,
    enteredBy: r.userName,
    enteredAt: entry.enteredAt,
    replaced: pending !== null,
    message: `Not published yet: ${contest.name} waits for a second officer to enter the figures again. It is published when their entry matches this one.`,
    confirm: confirmApiPath(contest.id),
  };
  const body = JSON.stringify(answerBody);
  const answer: StoredAnswer = { userId: r.userId, key: r.idempotencyKey, requestHash: hash, status: 202, body };
  try {
    await savePendingEntry(db, entry, r.actor, answer, pending !== null);
  } catch (error) {
    // A concurrent replay of this request committed first (its answer is ours), or another
    // officer's entry got there first.
    const replay = await replayOf(db, r.userId, r.idempotencyKey, hash);
    if (replay) return replay;
    const now = await findPendingDeclaration(db, contest.id);
    if (now && now.enteredBy !== r.userId) throw new ProblemsError(409, [{ field: 'contestId', message: awaitingAnotherOfficer(contest.name, now.enteredByName) }]);
    throw error;
  }
  return { status: 202, body, replayed: false };
}

/** The figures in which the last differing second entry differs from the entry, or null when none differed. */
export function pendingDifferences(contest: ContestSnapshot, pending: PendingEntry): EntryDifference[] | null {
  if (!pending.secondSubmission) return null;
  return entryDifferences(namedCandidates(contest), pending.submission, pending.secondSubmission);
}

/**
 * The entry as the write API shows it to `userId`: its figures only to the officer who
 * entered them (the confirming officer enters them blind), the differences only to the two
 * officers whose entries differ.
 */
export function pendingEntryAnswer(contest: ContestSnapshot, pending: PendingEntry, userId: string): PendingEntryAnswer {
  const yours = pending.enteredBy === userId;
  return {
    status: 'awaiting_confirmation',
    id: contest.id,
    name: contest.name,
    version: pending.version,
    enteredBy: pending.enteredByName,
    enteredAt: pending.enteredAt,
    confirm: confirmApiPath(contest.id),
    yours,
    entry: yours ? pending.submission : null,
    reason: pending.submission.reason ?? null,
    secondBy: pending.secondByName,
    differences: yours || pending.secondBy === userId ? pendingDifferences(contest, pending) : null,
  };
}
