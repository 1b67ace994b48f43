// The night's timetable: when the count starts, and when each ward is expected to declare.
// Public at once (the results page shows both), so the election's updatedAt moves with it.
import { and, eq } from 'drizzle-orm';
import { auditStatement, type Actor } from './audit';
import { commitAtomically, type Db, type Statement } from './client';
import { contests, elections } from './schema';

export interface Timetable {
  countStarts: string | null;
  /** Expected declaration by contest id; null clears it. */
  expected: Record<string, string | null>;
}

export async function setTimetable(db: Db, electionId: string, timetable: Timetable, actor: Actor) {
  const now = new Date().toISOString();
  const statements: Statement[] = [
    db.update(elections).set({ countStarts: timetable.countStarts, updatedAt: now }).where(eq(elections.id, electionId)),
    ...Object.entries(timetable.expected).map(([contestId, expectedDeclaration]) =>
      db
        .update(contests)
        .set({ expectedDeclaration, updatedAt: now })
        .where(and(eq(contests.id, contestId), eq(contests.electionId, electionId))),
    ),
    auditStatement(db, actor, { action: 'election.timetable', entity: 'election', entityId: electionId, detail: { ...timetable } }, now),
  ];
  await commitAtomically(db, statements);
}
