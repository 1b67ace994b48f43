// A ward's verification statement: the ballot papers counted unopened before the count,
// published at once (turnout is known from them), and kept on the ward until its declaration.
import { eq } from 'drizzle-orm';
import { auditStatement, type Actor } from './audit';
import { commitAtomically, type Db } from './client';
import { contests, elections } from './schema';

export interface VerifiedPapers {
  pollingStations: number;
  postal: number;
}

/** Records (or replaces) the statement and bumps the election, so every page shows it. */
export async function recordVerification(db: Db, electionId: string, contestId: string, papers: VerifiedPapers, actor: Actor) {
  const now = new Date().toISOString();
  await commitAtomically(db, [
    db
      .update(contests)
      .set({ verifiedPollingStations: papers.pollingStations, verifiedPostal: papers.postal, verifiedAt: now, updatedAt: now })
      .where(eq(contests.id, contestId)),
    db.update(elections).set({ updatedAt: now }).where(eq(elections.id, electionId)),
    auditStatement(db, actor, { action: 'contest.verification', entity: 'contest', entityId: contestId, detail: { ...papers } }, now),
  ]);
  return now;
}
