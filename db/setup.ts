// Writing an election's definition: parties, wards, candidates, previous holders.
import { and, count, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { auditStatement, type Actor } from './audit';
import { chunkRows, chunksOf, commitAtomically, idsPerRead, readTogether, type Db, type Statement } from './client';
import { currentIfFirst } from './currentElection';
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

/** The definition was changed by someone else after it was read for this change. */
export class DefinitionChangedError extends Error {}

/** How the write is recorded, and what it must find unchanged. */
export interface DefinitionWrite {
  /** The audit entry's action and detail; by default an import or re-import with its size. */
  audit?: { action: string; detail: Record<string, unknown> };
  /** The election's updatedAt as read before the change: the write fails if it has moved. */
  unchangedSince?: string;
}

/** Number of results entered for an election: declarations (all versions) and entries awaiting confirmation. */
export async function countDeclarations(db: Db, electionId: string): Promise<number> {
  const [[declared], [awaiting]] = await readTogether(db, [
    db.select({ n: count() }).from(declarations).innerJoin(contests, eq(contests.id, declarations.contestId)).where(eq(contests.electionId, electionId)),
    db.select({ n: count() }).from(pendingDeclarations).innerJoin(contests, eq(contests.id, pendingDeclarations.contestId)).where(eq(contests.electionId, electionId)),
  ] as const);
  return (declared?.n ?? 0) + (awaiting?.n ?? 0);
}

/**
 * The election's id while no result has been entered for it (and, given `unchangedSince`,
 * while its updatedAt is still that), else null. Written as the audit entry's entityId (a
 * NOT NULL column) at the head of the write, it fails the whole write, before the wards are
 * deleted (which would take entered results with them), if a result arrived after the check.
 */
function whileNoResults(db: Db, electionId: string, unchangedSince?: string): SQL<string> {
  const wards = db.select({ id: contests.id }).from(contests).where(eq(contests.electionId, electionId));
  const unchanged = unchangedSince === undefined ? sql`1` : sql`(select ${elections.updatedAt} from ${elections} where ${elections.id} = ${electionId}) = ${unchangedSince}`;
  return sql<string>`(select ${electionId} where not exists (select 1 from ${declarations} where ${inArray(declarations.contestId, wards)})
    and not exists (select 1 from ${pendingDeclarations} where ${inArray(pendingDeclarations.contestId, wards)}) and ${unchanged})`;
}

/**
 * Creates the election, or replaces its whole definition, in one atomic write. Refuses
 * once any result has been entered (even one awaiting confirmation): changing wards or
 * candidates under entered results would silently change what they say. Statuses and
 * verification statements the officers already entered survive a re-import, and so does
 * the second-pair-of-eyes setting unless the file gives it. The refusal is checked again
 * inside the write itself (whileNoResults), so a result entered meanwhile is never lost.
 * A new election is the current one when it is the site's first.
 */
export async function replaceElectionDefinition(db: Db, rows: DefinitionRows, actor: Actor, write: DefinitionWrite = {}) {
  const electionId = rows.election.id;
  const locked = () => new DefinitionLockedError(`Results have already been entered for ${electionId}, so its definition can no longer be changed.`);
  if ((await countDeclarations(db, electionId)) > 0) throw locked();
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

  const statements: Statement[] = [
    auditStatement(db, actor, {
      ...(write.audit ?? {
        action: existing.length ? 'election.reimport' : 'election.import',
        detail: {
          contests: rows.contests.length,
          candidates: rows.candidates.length,
          ...(rows.election.secondPairOfEyes !== undefined ? { secondPairOfEyes: rows.election.secondPairOfEyes } : {}),
        },
      }),
      entity: 'election',
      entityId: whileNoResults(db, electionId, write.unchangedSince),
    }),
  ];
  if (existing.length) {
    statements.push(db.delete(contests).where(inArray(contests.id, existing.map((c) => c.id))));
  }
  statements.push(
    db.delete(parties).where(eq(parties.electionId, electionId)),
    db.delete(continuingSeats).where(eq(continuingSeats.electionId, electionId)),
    db
      .insert(elections)
      .values({ ...rows.election, current: currentIfFirst })
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
  try {
    await commitAtomically(db, statements);
  } catch (error) {
    // The guard at the head of the write refused it: say why, in words.
    if ((await countDeclarations(db, electionId)) > 0) throw locked();
    const [now] = await db.select({ updatedAt: elections.updatedAt }).from(elections).where(eq(elections.id, electionId));
    if (write.unchangedSince !== undefined && now?.updatedAt !== write.unchangedSince) {
      throw new DefinitionChangedError(`${rows.election.name} was changed by someone else at the same moment.`);
    }
    throw error;
  }
  return { created: existing.length === 0, contests: rows.contests.length, candidates: rows.candidates.length };
}

/** A ward or candidate id another election already has (ids are the site's, not an election's). */
export interface IdTaken {
  id: string;
  electionName: string;
}

/**
 * The ward and candidate ids among `contestIds` and `candidateIds` that belong to elections
 * other than `electionId`. The database keeps each id once across the site, so an import
 * reusing one would fail at the write; an admin is told which, and whose, before that.
 */
export async function idsOfOtherElections(
  db: Db,
  electionId: string,
  ids: { contestIds: string[]; candidateIds: string[] },
): Promise<{ contests: IdTaken[]; candidates: IdTaken[] }> {
  const contestReads = chunksOf(ids.contestIds, idsPerRead).map((chunk) =>
    db
      .select({ id: contests.id, electionName: elections.name })
      .from(contests)
      .innerJoin(elections, eq(elections.id, contests.electionId))
      .where(and(inArray(contests.id, chunk), ne(contests.electionId, electionId))),
  );
  const candidateReads = chunksOf(ids.candidateIds, idsPerRead).map((chunk) =>
    db
      .select({ id: candidates.id, electionName: elections.name })
      .from(candidates)
      .innerJoin(contests, eq(contests.id, candidates.contestId))
      .innerJoin(elections, eq(elections.id, contests.electionId))
      .where(and(inArray(candidates.id, chunk), ne(contests.electionId, electionId))),
  );
  const reads = [...contestReads, ...candidateReads];
  if (reads.length === 0) return { contests: [], candidates: [] };
  const found = (await readTogether(db, reads as unknown as [Statement, ...Statement[]])) as unknown as IdTaken[][];
  return { contests: found.slice(0, contestReads.length).flat(), candidates: found.slice(contestReads.length).flat() };
}
