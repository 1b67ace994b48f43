// Idempotency: a submission's key and its first answer, stored in the same atomic write as
// the change it made, so a replay gets that answer back and makes no second change.
import { and, eq } from 'drizzle-orm';
import type { Db, Statement } from './client';
import { idempotencyKeys } from './schema';

/** The first answer to an idempotent request, stored with the change it made. */
export interface StoredAnswer {
  userId: string;
  key: string;
  requestHash: string;
  status: number;
  body: string;
}

export async function findStoredAnswer(db: Db, userId: string, key: string): Promise<StoredAnswer | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  return row ?? null;
}

export function storedAnswerStatement(db: Db, answer: StoredAnswer): Statement {
  return db.insert(idempotencyKeys).values(answer);
}
