// Declarations awaiting a second officer's confirmation (a second pair of eyes). Not public:
// nothing here touches the election's change stamp, the ward's status or the outbox. Each
// write that depends on an entry being the one it read carries a guard (below), so a fix
// racing a confirmation can never publish, or mark as differing, figures nobody confirmed.
import { eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { auditStatement, type Actor } from './audit';
import { commitAtomically, type Db } from './client';
import { storedAnswerStatement, type StoredAnswer } from './storedAnswers';
import { contests, pendingDeclarations, users, type PendingSubmission } from './schema';

export type PendingRow = typeof pendingDeclarations.$inferSelect;

export interface PendingEntry extends PendingRow {
  enteredByName: string;
  secondByName: string | null;
}

export async function findPendingDeclaration(db: Db, contestId: string): Promise<PendingEntry | null> {
  const second = alias(users, 'second_officer');
  const [row] = await db
    .select({ pending: pendingDeclarations, enteredByName: users.name, secondByName: second.name })
    .from(pendingDeclarations)
    .innerJoin(users, eq(users.id, pendingDeclarations.enteredBy))
    .leftJoin(second, eq(second.id, pendingDeclarations.secondBy))
    .where(eq(pendingDeclarations.contestId, contestId));
  return row ? { ...row.pending, enteredByName: row.enteredByName, secondByName: row.secondByName } : null;
}

/** The election's wards with an entry awaiting confirmation: whether a second entry differed, by contest id. */
export async function pendingInElection(db: Db, electionId: string): Promise<Map<string, { differ: boolean }>> {
  const rows = await db
    .select({ contestId: pendingDeclarations.contestId, secondBy: pendingDeclarations.secondBy })
    .from(pendingDeclarations)
    .innerJoin(contests, eq(contests.id, pendingDeclarations.contestId))
    .where(eq(contests.electionId, electionId));
  return new Map(rows.map((r) => [r.contestId, { differ: r.secondBy !== null }]));
}

/**
 * The ward of the entry `pendingId`, as a subquery: null once that entry has been replaced,
 * confirmed or dropped. Written into a NOT NULL column (the audit entry's entityId), it makes
 * the whole atomic write fail, with nothing written, unless the entry is still the one read.
 */
export function whilePending(pendingId: string): SQL<string> {
  return sql<string>`(select ${pendingDeclarations.contestId} from ${pendingDeclarations} where ${pendingDeclarations.id} = ${pendingId})`;
}

export interface NewPendingEntry {
  id: string;
  contestId: string;
  version: number;
  submission: PendingSubmission;
  enteredBy: string;
  enteredAt: string;
}

/**
 * Keeps an entry awaiting confirmation, replacing the same officer's earlier entry of the
 * ward (and forgetting any second entry that differed from it). Another officer's entry
 * is never replaced: the upsert leaves it alone, the guard finds no row with this id, and
 * the write fails whole.
 */
export async function savePendingEntry(db: Db, entry: NewPendingEntry, actor: Actor, answer: StoredAnswer, replacing: boolean): Promise<void> {
  const cleared = { secondSubmission: null, secondBy: null, secondAt: null };
  await commitAtomically(db, [
    db
      .insert(pendingDeclarations)
      .values({ ...entry, ...cleared })
      .onConflictDoUpdate({
        target: pendingDeclarations.contestId,
        set: { id: entry.id, version: entry.version, submission: entry.submission, enteredAt: entry.enteredAt, ...cleared },
        setWhere: eq(pendingDeclarations.enteredBy, entry.enteredBy),
      }),
    auditStatement(
      db,
      actor,
      {
        action: 'declaration.enter',
        entity: 'contest',
        entityId: whilePending(entry.id),
        detail: { version: entry.version, replaced: replacing, awaiting: 'confirmation', submission: entry.submission },
      },
      entry.enteredAt,
    ),
    storedAnswerStatement(db, answer),
  ]);
}

export interface SecondEntry {
  pendingId: string;
  submission: PendingSubmission;
  by: string;
  at: string;
}

/** Records a second entry that differs from the first, for both officers to see; only while that first entry stands. */
export async function recordMismatch(db: Db, second: SecondEntry, actor: Actor, detail: Record<string, unknown>, answer: StoredAnswer): Promise<void> {
  await commitAtomically(db, [
    db
      .update(pendingDeclarations)
      .set({ secondSubmission: second.submission, secondBy: second.by, secondAt: second.at })
      .where(eq(pendingDeclarations.id, second.pendingId)),
    auditStatement(db, actor, { action: 'declaration.mismatch', entity: 'contest', entityId: whilePending(second.pendingId), detail }, second.at),
    storedAnswerStatement(db, answer),
  ]);
}
