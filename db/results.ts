// Reading an election as it stands: everything the public pages, feeds and posts need,
// in a few queries, as plain rows. src/results/ turns these into the public JSON.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { readTogether, type Db, type ResultsOf } from './client';
import { electionUpdatesQuery, gatherUpdates, type CountUpdate } from './countUpdates';
import {
  candidates,
  contests,
  continuingSeats,
  declarations,
  declarationVotes,
  elections,
  parties,
  previousSeats,
} from './schema';

export type ElectionRow = typeof elections.$inferSelect;
export type PartyRow = typeof parties.$inferSelect;
export type ContestRow = typeof contests.$inferSelect;
export type CandidateRow = typeof candidates.$inferSelect;
export type DeclarationRow = typeof declarations.$inferSelect;
export type VoteRow = typeof declarationVotes.$inferSelect;

export interface DeclarationVersion extends DeclarationRow {
  votes: VoteRow[];
}

export interface ContestSnapshot extends ContestRow {
  previous: { partyId: string; seats: number }[];
  candidates: CandidateRow[];
  /** Every version, oldest first; the last is the result as it stands. */
  versions: DeclarationVersion[];
}

export interface ElectionSnapshot {
  election: ElectionRow;
  parties: PartyRow[];
  continuing: { partyId: string; seats: number }[];
  contests: ContestSnapshot[];
  /** Updates from the count, in the order first published, each with every version. */
  updates: CountUpdate[];
}

export async function listElections(db: Db): Promise<ElectionRow[]> {
  return db.select().from(elections).orderBy(desc(elections.date), asc(elections.id));
}

// The election's change stamp is read by every public page request and every feed poll,
// so it is a prepared statement, built once per database handle (once per process on Node,
// where building and compiling the query each time cost ten times the read itself; per
// request on Workers, where the handle is).
const prepareUpdatedAt = (db: Db) =>
  db
    .select({ updatedAt: elections.updatedAt })
    .from(elections)
    .where(eq(elections.id, sql.placeholder('electionId')))
    .prepare();

const preparedUpdatedAt = new WeakMap<Db, ReturnType<typeof prepareUpdatedAt>>();

/** One election's own row, without its wards. */
export async function electionRowById(db: Db, electionId: string): Promise<ElectionRow | null> {
  const [row] = await db.select().from(elections).where(eq(elections.id, electionId));
  return row ?? null;
}

/** The election's updatedAt (bumped by every change the public sees), or null if none. */
export async function electionUpdatedAt(db: Db, electionId: string): Promise<string | null> {
  let query = preparedUpdatedAt.get(db);
  if (!query) {
    query = prepareUpdatedAt(db);
    preparedUpdatedAt.set(db, query);
  }
  const row = (await query.get({ electionId })) as { updatedAt: string } | undefined;
  return row?.updatedAt ?? null;
}

export async function loadElection(db: Db, electionId: string): Promise<ElectionSnapshot | null> {
  const [electionRows, partyRows, continuingRows, updateRows, ...contestRows] = await readTogether(db, [
    db.select().from(elections).where(eq(elections.id, electionId)),
    db.select().from(parties).where(eq(parties.electionId, electionId)).orderBy(asc(parties.name)),
    db.select().from(continuingSeats).where(eq(continuingSeats.electionId, electionId)),
    electionUpdatesQuery(db, electionId),
    ...contestQueries(db, eq(contests.electionId, electionId)),
  ] as const);
  const election = electionRows[0];
  if (!election) return null;
  return {
    election,
    parties: partyRows,
    continuing: continuingRows.map((c) => ({ partyId: c.partyId, seats: c.seats })),
    contests: assembleContests(...contestRows),
    updates: gatherUpdates(updateRows),
  };
}

/** One ward, with what declaring it needs of its election: the election row and its parties. */
export interface ContestWithElection {
  election: ElectionRow;
  parties: PartyRow[];
  contest: ContestSnapshot;
}

/**
 * One ward as it stands. Declaring a ward reads only that ward, not the whole election:
 * a declaration on a busy night then costs the same with 59 wards as with one.
 */
export async function loadContestWithElection(db: Db, contestId: string): Promise<ContestWithElection | null> {
  // Its election by a subquery, so that D1 answers the whole read in one batch.
  const electionId = db.select({ id: contests.electionId }).from(contests).where(eq(contests.id, contestId));
  const [electionRows, partyRows, ...contestRows] = await readTogether(db, [
    db.select().from(elections).where(inArray(elections.id, electionId)),
    db.select().from(parties).where(inArray(parties.electionId, electionId)).orderBy(asc(parties.name)),
    ...contestQueries(db, eq(contests.id, contestId)),
  ] as const);
  const [election] = electionRows;
  const [contest] = assembleContests(...contestRows);
  return election && contest ? { election, parties: partyRows, contest } : null;
}

/** The rows of the contests `inScope` selects: the contests, then their previous seats, candidates, versions and votes. */
function contestQueries(db: Db, inScope: SQL) {
  return [
    db.select().from(contests).where(inScope).orderBy(asc(contests.position)),
    db
      .select({ contestId: previousSeats.contestId, partyId: previousSeats.partyId, seats: previousSeats.seats })
      .from(previousSeats)
      .innerJoin(contests, eq(contests.id, previousSeats.contestId))
      .where(inScope),
    db
      .select({ candidate: candidates })
      .from(candidates)
      .innerJoin(contests, eq(contests.id, candidates.contestId))
      .where(inScope)
      .orderBy(asc(candidates.contestId), asc(candidates.ballotOrder)),
    db
      .select({ declaration: declarations })
      .from(declarations)
      .innerJoin(contests, eq(contests.id, declarations.contestId))
      .where(inScope)
      .orderBy(asc(declarations.contestId), asc(declarations.version)),
    db
      .select({ vote: declarationVotes })
      .from(declarationVotes)
      .innerJoin(contests, eq(contests.id, declarationVotes.contestId))
      .where(inScope),
  ] as const;
}

type ContestRows = ResultsOf<ReturnType<typeof contestQueries>>;

/** The contests in ballot-paper position, each with its previous seats, candidates and versions. */
function assembleContests(...[contestRows, previousRows, candidateRows, declarationRows, voteRows]: ContestRows): ContestSnapshot[] {
  const byContest = new Map<string, ContestSnapshot>(
    contestRows.map((c) => [c.id, { ...c, previous: [], candidates: [], versions: [] }]),
  );
  for (const p of previousRows) byContest.get(p.contestId)?.previous.push({ partyId: p.partyId, seats: p.seats });
  for (const { candidate } of candidateRows) byContest.get(candidate.contestId)?.candidates.push(candidate);
  const versions = new Map<string, DeclarationVersion>();
  for (const { declaration } of declarationRows) {
    const version = { ...declaration, votes: [] };
    versions.set(`${declaration.contestId}#${declaration.version}`, version);
    byContest.get(declaration.contestId)?.versions.push(version);
  }
  for (const { vote } of voteRows) versions.get(`${vote.contestId}#${vote.version}`)?.votes.push(vote);
  return [...byContest.values()];
}

export async function electionOfContest(db: Db, contestId: string): Promise<string | null> {
  const [row] = await db.select({ electionId: contests.electionId }).from(contests).where(eq(contests.id, contestId));
  return row?.electionId ?? null;
}

/** A ward's name, when the ward is in that election; else null. */
export async function contestNameIn(db: Db, electionId: string, contestId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: contests.name })
    .from(contests)
    .where(and(eq(contests.id, contestId), eq(contests.electionId, electionId)));
  return row?.name ?? null;
}
