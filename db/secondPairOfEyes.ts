// The election's second-pair-of-eyes setting: set by an admin, audited. Not public, so the
// election's change stamp (which the public pages key on) stays as it is.
import { eq } from 'drizzle-orm';
import { auditStatement, type Actor } from './audit';
import { commitAtomically, type Db } from './client';
import { elections } from './schema';

export async function setSecondPairOfEyes(db: Db, electionId: string, on: boolean, actor: Actor): Promise<void> {
  await commitAtomically(db, [
    db.update(elections).set({ secondPairOfEyes: on }).where(eq(elections.id, electionId)),
    auditStatement(db, actor, { action: 'election.second_pair_of_eyes', entity: 'election', entityId: electionId, detail: { on } }),
  ]);
}
