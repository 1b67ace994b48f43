// Writing an election's definition: parties, wards, candidates, previous holders.
import { count, eq, inArray } from 'drizzle-orm';
import { auditStatement, type Actor } from './audit';
import { chunkRows, commitAtomically, readTogether, type Db, type Statement } from './client';
import {
  candidates,
  contests,
  continuingSeats,
  declarations,
  elections,
  parties,
  pendingDeclarations,
  previousSeats,
} from './schema';

export interface DefinitionRows {
  election: typeof elections.$inferInsert & { updatedAt: string };
  parties: (typeof parties.$inferInsert)[];
  continuing: (typeof continuingSeats.$inferInsert)[];
  contests: (typeof contests.$inferInsert)[];
  previousSeats: (typeof previousSeats.$inferInsert)[];
  candidates: (typeof candidates.$inferInsert)[];
}

export class DefinitionLockedError extends Error {}

/** Number of results entered for an election: declarations (all versions) and entries awaiting confirmation. */
export async function countDeclarations(db: Db, electionId: string): Promise<number> {
  const [[declared], [awaiting]] = await readTogether(db, [
    db.select({ n: count() }).from(declarations).innerJoin(contests, eq(contests.id, declarations.contestId)).where(eq(contests.electionId, electionId)),
    db.select({ n: count() }).from(pendingDeclarations).innerJoin(contests, eq(contests.id, pendingDeclarations.contestId)).where(eq(contests.electionId, electionId)),
  ] as const);
  return (declared?.n ?? 0) + (awaiting?.n ?? 0);
}

/**
 * Creates the election, or replaces its whole definition, in one atomic write. Refuses
 * once any result has been entered (even one awaiting confirmation): changing wards or
 * candidates under entered results would silently change what they say. Statuses and
 * verification statements the officers already entered survive a re-import, and so does
 * the second-pair-of-eyes setting unless the file gives it.
 */
export async function replaceElectionDefinition(db: Db, rows: DefinitionRows, actor: Actor) {
  const electionId = rows.election.id;
  if ((await countDeclarations(db, electionId)) > 0) {
    throw new DefinitionLockedError(
      `Results have already been entered for ${electionId}, so its definition can no longer be changed.`,
    );
  }
  const existing = await db
    .select({
      id: contests.id,
      status: contests.status,
      verifiedPollingStations: contests.verifiedPollingStations,
      verifiedPostal: contests.verifiedPostal,
      verifiedAt: contests.verifiedAt,
    })
    .from(contests)
    .where(eq(contests.electionId, electionId));
  const entered = new Map(existing.map((c) => [c.id, c]));
  const contestRows = rows.contests.map((c) => {
    const before = entered.get(c.id);
    if (!before) return c;
    const { verifiedPollingStations, verifiedPostal, verifiedAt } = before;
    const keepStatus = c.status === 'awaiting' && before.status !== 'awaiting' && before.status !== 'uncontested';
    return { ...c, verifiedPollingStations, verifiedPostal, verifiedAt, ...(keepStatus ? { status: before.status } : {}) };
  });

  const statements: Statement[] = [];
  if (existing.length) {
    statements.push(db.delete(contests).where(inArray(contests.id, existing.map((c) => c.id))));
  }
  statements.push(
    db.delete(parties).where(eq(parties.electionId, electionId)),
    db.delete(continuingSeats).where(eq(continuingSeats.electionId, electionId)),
    db
      .insert(elections)
      .values(rows.election)
      .onConflictDoUpdate({
        target: elections.id,
        set: {
          name: rows.election.name,
          organisation: rows.election.organisation,
          date: rows.election.date,
          totalSeats: rows.election.totalSeats,
          previousControl: rows.election.previousControl,
          countStarts: rows.election.countStarts,
          ...(rows.election.secondPairOfEyes !== undefined ? { secondPairOfEyes: rows.election.secondPairOfEyes } : {}),
          updatedAt: rows.election.updatedAt,
        },
      }),
  );
  const bulk = <T extends object>(table: Parameters<Db['insert']>[0], values: T[]) => {
    const width = Object.keys(values[0] ?? {}).length;
    for (const chunk of chunkRows(values, width)) statements.push(db.insert(table).values(chunk as never));
  };
  bulk(parties, rows.parties);
  bulk(continuingSeats, rows.continuing);
  bulk(contests, contestRows);
  bulk(previousSeats, rows.previousSeats);
  bulk(candidates, rows.candidates);
  statements.push(
    auditStatement(db, actor, {
      action: existing.length ? 'election.reimport' : 'election.import',
      entity: 'election',
      entityId: electionId,
      detail: {
        contests: rows.contests.length,
        candidates: rows.candidates.length,
        ...(rows.election.secondPairOfEyes !== undefined ? { secondPairOfEyes: rows.election.secondPairOfEyes } : {}),
      },
    }),
  );
  await commitAtomically(db, statements);
  return { created: existing.length === 0, contests: rows.contests.length, candidates: rows.candidates.length };
}
