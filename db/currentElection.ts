// Which election is current: the one `/`, the widget's default and the public JSON's
// default lead to. An admin marks it (Admin → Make current); the first election imported
// into a site is marked as it is written. A database from before the flag has none marked:
// then the latest by date is current, as it always was, so nothing changes for it.
import { and, asc, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import { auditStatement, type Actor } from './audit';
import { commitAtomically, readTogether, type Db } from './client';
import { elections } from './schema';

/** The current election's id, or null when there is no election: one small read. */
export async function currentElectionId(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ id: elections.id })
    .from(elections)
    .orderBy(desc(elections.current), desc(elections.date), asc(elections.id))
    .limit(1);
  return row?.id ?? null;
}

/**
 * The flag for an election being written for the first time: current when the site has no
 * election yet. Evaluated inside the write itself, so two first imports at once cannot both
 * be first.
 */
export const currentIfFirst: SQL<boolean> = sql<boolean>`(not exists (select 1 from ${elections}))`;

/**
 * Marks the election current, and no other, in one write with its audit entry. Already
 * current (a second click), nothing is written.
 */
export async function makeCurrent(db: Db, electionId: string, actor: Actor): Promise<'made' | 'already' | 'missing'> {
  const [[wanted], [before]] = await readTogether(db, [
    db.select({ current: elections.current }).from(elections).where(eq(elections.id, electionId)),
    db.select({ id: elections.id }).from(elections).where(eq(elections.current, true)),
  ] as const);
  if (!wanted) return 'missing';
  if (wanted.current) return 'already';
  await commitAtomically(db, [
    // Cleared first: the unique index allows one current election at any moment.
    db.update(elections).set({ current: false }).where(and(eq(elections.current, true), ne(elections.id, electionId))),
    db.update(elections).set({ current: true }).where(eq(elections.id, electionId)),
    auditStatement(db, actor, { action: 'election.current', entity: 'election', entityId: electionId, detail: { previous: before?.id ?? null } }),
  ]);
  return 'made';
}
