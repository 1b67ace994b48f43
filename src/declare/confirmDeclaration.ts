// A second pair of eyes, the confirming side: a different officer enters the ward's figures
// again, without seeing the first entry. Every figure matches: the declaration is published
// (201), the audit naming both officers. Any differs: nothing is published, the second entry
// is kept so both officers see the differences (409), and either may enter again.
import type { Db } from '../../db/client';
import { findPendingDeclaration, recordMismatch, type PendingEntry } from '../../db/pendingDeclarations';
import type { StoredAnswer } from '../../db/storedAnswers';
import type { EntriesDiffer } from '../results/publicSchemas';
import { namedCandidates, settledSubmission } from './awaitingConfirmation';
import { entryDifferences } from './compareEntries';
import { acceptedWarnings, loadContest, publishReviewed, reviewContest, type DeclareRequest } from './declareResult';
import { ProblemsError } from './problems';
import { replayOf, type Answer } from './replay';
import { requestHash } from './requestHash';

const figures = (n: number) => (n === 1 ? '1 figure' : `${n} figures`);

/** Confirms the entry awaiting confirmation of a ward: publishes it (201) or says how the two differ (409). */
export async function confirmDeclaration(db: Db, r: DeclareRequest): Promise<Answer> {
  // Not the same request as declaring with the same body: the address is part of it.
  const hash = await requestHash(`${r.contestId}/confirm`, r.submission);
  const earlier = await replayOf(db, r.userId, r.idempotencyKey, hash);
  if (earlier) return earlier;

  const loaded = await loadContest(db, r.contestId);
  const { contest } = loaded;
  const pending = await findPendingDeclaration(db, contest.id);
  if (!pending) {
    throw new ProblemsError(409, [
      { field: 'contestId', message: `Nothing from ${contest.name} is awaiting confirmation: it may have been confirmed already. Reload to see where it stands.` },
    ]);
  }
  if (pending.enteredBy === r.userId) {
    throw new ProblemsError(403, [
      { field: 'officer', message: `You entered this result for ${contest.name}, so a different officer must confirm it by entering the figures again. Nothing was published.` },
    ]);
  }
  // A correction's reason is the first officer's words, not a figure to type twice.
  const { reason: _notUsed, ...typed } = r.submission;
  const submission = pending.submission.reason ? { ...typed, reason: pending.submission.reason } : typed;
  const review = reviewContest(loaded, submission);
  const warnings = acceptedWarnings(review, submission, r.confirmedWarnings);
  const second = settledSubmission(submission, contest);
  const differences = entryDifferences(namedCandidates(contest), pending.submission, second);

  try {
    if (differences.length === 0) {
      const confirmed = { pendingId: pending.id, enteredBy: pending.enteredBy, enteredAt: pending.enteredAt };
      return await publishReviewed(db, review, warnings, { ...r, submission }, hash, confirmed);
    }
    const body: EntriesDiffer = {
      error: 'mismatch',
      message: `Not published: your entry of ${contest.name} differs from ${pending.enteredByName}'s in ${figures(differences.length)}. Check them against the declaration: ${pending.enteredByName} can fix their entry, or you can enter yours again.`,
      enteredBy: pending.enteredByName,
      secondBy: r.userName,
      differences,
    };
    const answer: StoredAnswer = { userId: r.userId, key: r.idempotencyKey, requestHash: hash, status: 409, body: JSON.stringify(body) };
    const detail = { version: pending.version, enteredBy: pending.enteredBy, differences };
    await recordMismatch(db, { pendingId: pending.id, submission: second, by: r.userId, at: new Date().toISOString() }, r.actor, detail, answer);
    return { status: 409, body: answer.body, replayed: false };
  } catch (error) {
    if (error instanceof ProblemsError) throw error;
    const replay = await replayOf(db, r.userId, r.idempotencyKey, hash);
    if (replay) return replay;
    if (await changedMeanwhile(db, pending)) {
      throw new ProblemsError(409, [
        { field: 'contestId', message: `${pending.enteredByName}'s entry of ${contest.name} changed at the same moment, so nothing was published. Enter the figures again to compare them with it.` },
      ]);
    }
    throw error;
  }
}

async function changedMeanwhile(db: Db, pending: PendingEntry): Promise<boolean> {
  return (await findPendingDeclaration(db, pending.contestId))?.id !== pending.id;
}
