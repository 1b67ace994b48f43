// The stored first answer to an idempotent request (a declaration, an update from the
// count): a true replay gets it back; the same key with a different body is refused.
import type { Db } from '../../db/client';
import { findStoredAnswer } from '../../db/declarations';
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
