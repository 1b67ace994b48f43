// Answering a retried request: the same Idempotency-Key with the same body gets the first
// answer back and changes nothing; the same key with another body is a 409.
import type { Db } from '../../db/client';
import { findStoredAnswer } from '../../db/storedAnswers';
import { ProblemsError } from './problems';

export interface Answer {
  status: number;
  body: string;
  /** True when this is the stored answer to an earlier identical request. */
  replayed: boolean;
}

export async function replayOf(db: Db, userId: string, key: string, hash: string): Promise<Answer | null> {
  const stored = await findStoredAnswer(db, userId, key);
  if (!stored) return null;
  if (stored.requestHash !== hash) {
    throw new ProblemsError(409, [
      { field: 'Idempotency-Key', message: 'This Idempotency-Key was already used for a different submission. Use a new key for a new submission.' },
    ]);
  }
  return { status: stored.status, body: stored.body, replayed: true };
}
