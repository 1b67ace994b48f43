// What an export of one election holds, table by table (README "Export, backup and replay"):
// which rows of each table are the election's, which columns never leave the database, and
// what a replay writes. Adding a table to the export is adding one entry to `archiveTables`;
// the file's format, its validation and the replay follow from it.
import { and, eq, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { chunkRows, chunksOf, idsPerRead, readTogether, type Db, type Statement } from './client';
import { currentIfFirst } from './currentElection';
import {
  auditLog,
  candidates,
  contests,
  continuingSeats,
  countUpdates,
  declarations,
  declarationVotes,
  elections,
  outbox,
  parties,
  pendingDeclarations,
  previousSeats,
  subscribers,
  users,
} from './schema';
import { isSubscriberChannel } from './subscribers';

/** A stored password hash that no password matches: verifyPassword knows only its own scheme. */
export const noPasswordHash = 'none$replayed-account';

/** What the replay of a table writes: the rows to insert, and anything a person should be told. */
export interface ReplayedRows {
  rows: Record<string, unknown>[];
  notes: string[];
}

export interface ArchiveTable {
  table: SQLiteTable;
  /** Which rows are the election's (undefined: every row). */
  scope: (db: Db, electionId: string) => SQL | undefined;
  /** Columns that never leave the database: secrets. */
  secret?: readonly string[];
  /** How a replay writes the rows (default: as they are); null: kept in the file for the record only. */
  replay?: ((db: Db, rows: Record<string, unknown>[]) => Promise<ReplayedRows> | ReplayedRows) | null;
}

const contestsOf = (db: Db, electionId: string) => db.select({ id: contests.id }).from(contests).where(eq(contests.electionId, electionId));
const updatesOf = (db: Db, electionId: string) => db.select({ id: countUpdates.id }).from(countUpdates).where(eq(countUpdates.electionId, electionId));
/** The election's posts: of its wards' declarations, and of its updates from the count. */
const outboxScope = (db: Db, electionId: string) => or(inArray(outbox.contestId, contestsOf(db, electionId)), inArray(outbox.updateId, updatesOf(db, electionId)));
const outboxOf = (db: Db, electionId: string) => db.select({ id: outbox.id }).from(outbox).where(outboxScope(db, electionId));

/** The audit entries about the election: its import, timetable, wards (declarations, statuses, verification), updates from the count and posts. */
function auditOf(db: Db, electionId: string): SQL | undefined {
  return or(
    and(eq(auditLog.entity, 'election'), eq(auditLog.entityId, electionId)),
    and(eq(auditLog.entity, 'contest'), inArray(auditLog.entityId, contestsOf(db, electionId))),
    and(eq(auditLog.entity, 'outbox'), inArray(auditLog.entityId, outboxOf(db, electionId))),
    and(eq(auditLog.entity, 'count_update'), inArray(auditLog.entityId, updatesOf(db, electionId))),
  );
}

/**
 * The accounts the election's rows name: who declared, who entered or checked a declaration
 * awaiting a second pair of eyes, who published an update from the count, who acted, who
 * approved a post, who added a subscriber.
 */
function peopleOf(db: Db, electionId: string): SQL | undefined {
  const pendingOf = (column: typeof pendingDeclarations.enteredBy | typeof pendingDeclarations.secondBy) =>
    db.select({ id: column }).from(pendingDeclarations).where(inArray(pendingDeclarations.contestId, contestsOf(db, electionId)));
  return or(
    inArray(users.id, db.select({ id: declarations.userId }).from(declarations).where(inArray(declarations.contestId, contestsOf(db, electionId)))),
    inArray(users.id, pendingOf(pendingDeclarations.enteredBy)),
    inArray(users.id, pendingOf(pendingDeclarations.secondBy)),
    inArray(users.id, db.select({ id: auditLog.userId }).from(auditLog).where(auditOf(db, electionId))),
    inArray(users.id, db.select({ id: countUpdates.userId }).from(countUpdates).where(eq(countUpdates.electionId, electionId))),
    inArray(users.id, db.select({ id: outbox.approvedBy }).from(outbox).where(outboxScope(db, electionId))),
    inArray(users.id, db.select({ id: subscribers.createdBy }).from(subscribers)),
  );
}

/**
 * The people named keep their ids, so every row naming them still does, as accounts that
 * cannot sign in: disabled, with no password (the export holds none). An id already here is
 * the same account and is left as it is; a name already taken by another account here gets
 * "(from the export)" after it, so nobody's actions are put under someone else's name.
 */
async function replayPeople(db: Db, rows: Record<string, unknown>[]): Promise<ReplayedRows> {
  const here = await db.select({ id: users.id, name: users.name }).from(users);
  const ids = new Set(here.map((u) => u.id));
  const names = new Set(here.map((u) => u.name));
  const replayed: Record<string, unknown>[] = [];
  const notes: string[] = [];
  for (const person of rows) {
    if (ids.has(String(person.id))) continue;
    let name = String(person.name);
    if (names.has(name)) {
      const wanted = name;
      for (let n = 1; names.has(name); n++) name = `${wanted} (from the export${n > 1 ? ` ${n}` : ''})`;
      notes.push(`The account ${wanted} from the export is called ${name} here: another account here already has that name.`);
    }
    names.add(name);
    replayed.push({ ...person, name, passwordHash: noPasswordHash, disabled: true });
  }
  return { rows: replayed, notes };
}

const unsent: ReadonlySet<string> = new Set(['pending', 'held', 'sending']);

/** A post or delivery that had not gone out (nor been given up on) when the export was made. */
export const isUnsent = (row: { status: string }) => unsent.has(row.status);

/**
 * Nothing is sent again from the replaying site. Posts made stay posted with their remote ids
 * (a correction made here replies to them); posts that had not gone out wait for an admin to
 * approve or cancel them; a subscriber's deliveries not made are cancelled (subscribers are
 * not replayed: their secrets are not in the export).
 */
function replayOutbox(_db: Db, rows: Record<string, unknown>[]): ReplayedRows {
  const replayed = rows.map((row) => {
    if (!isUnsent(row as { status: string })) return row;
    const released = { ...row, claimedBy: null, claimedUntil: null };
    if (isSubscriberChannel(String(row.channel))) {
      return { ...released, status: 'cancelled', note: 'Not delivered before the export this site was replayed from; subscribers are not replayed.' };
    }
    // One being sent at the export may have reached the platform: checked before any new attempt.
    const uncertain = row.uncertain === true || row.status === 'sending';
    return { ...released, status: 'held', uncertain, note: 'Not posted before the export this site was replayed from: approve it to post it from here, or cancel it.' };
  });
  return { rows: replayed, notes: [] };
}

/** The log's ids are this site's own sequence: replayed entries keep their order, times and authors, and get new ids. */
function replayAudit(_db: Db, rows: Record<string, unknown>[]): ReplayedRows {
  return { rows: rows.map(({ id: _id, ...entry }) => entry), notes: [] };
}

/** A replayed election is current only if this site had no election yet, whatever the source site said (db/currentElection.ts). */
function replayElections(_db: Db, rows: Record<string, unknown>[]): ReplayedRows {
  return { rows: rows.map((row) => ({ ...row, current: currentIfFirst })), notes: [] };
}

const electionIs = (column: AnySQLiteColumn) => (_db: Db, electionId: string) => eq(column, electionId);
const inElection = (column: AnySQLiteColumn) => (db: Db, electionId: string) => inArray(column, contestsOf(db, electionId));

/**
 * The tables of an export, in the order a replay writes them (each after those it refers
 * to). The file's names for them are these keys.
 */
export const archiveTables = {
  people: { table: users, scope: peopleOf, secret: ['passwordHash'], replay: replayPeople },
  elections: { table: elections, scope: (_db, electionId) => eq(elections.id, electionId), replay: replayElections },
  parties: { table: parties, scope: electionIs(parties.electionId) },
  continuingSeats: { table: continuingSeats, scope: electionIs(continuingSeats.electionId) },
  contests: { table: contests, scope: electionIs(contests.electionId) },
  previousSeats: { table: previousSeats, scope: inElection(previousSeats.contestId) },
  candidates: { table: candidates, scope: inElection(candidates.contestId) },
  declarations: { table: declarations, scope: inElection(declarations.contestId) },
  declarationVotes: { table: declarationVotes, scope: inElection(declarationVotes.contestId) },
  // Entries awaiting a second officer's matching entry: they wait on the replaying site too.
  pendingDeclarations: { table: pendingDeclarations, scope: inElection(pendingDeclarations.contestId) },
  // Updates from the count, every version.
  countUpdates: { table: countUpdates, scope: electionIs(countUpdates.electionId) },
  outbox: { table: outbox, scope: outboxScope, replay: replayOutbox },
  // Every subscriber: each gets every election's deliveries.
  subscribers: { table: subscribers, scope: () => undefined, secret: ['secret'], replay: null },
  auditLog: { table: auditLog, scope: auditOf, replay: replayAudit },
} satisfies Record<string, ArchiveTable>;

export type ArchiveKey = keyof typeof archiveTables;
export const archiveKeys = Object.keys(archiveTables) as ArchiveKey[];

/** A table's columns less its secrets: what is read for the export, and all the file may give. */
export function exportedColumns(key: ArchiveKey) {
  const spec: ArchiveTable = archiveTables[key];
  const columns = getTableColumns(spec.table);
  return Object.fromEntries(Object.entries(columns).filter(([name]) => !spec.secret?.includes(name)));
}

/**
 * The election's rows, table by table, in the order they were written (SQLite's rowid), so a
 * replay writes them in the same order and every read lists them as the original did. One
 * round trip on D1. Null when there is no such election.
 */
export async function readElectionArchive(db: Db, electionId: string): Promise<Record<ArchiveKey, Record<string, unknown>[]> | null> {
  const reads = archiveKeys.map((key) => {
    const spec: ArchiveTable = archiveTables[key];
    return db.select(exportedColumns(key)).from(spec.table).where(spec.scope(db, electionId)).orderBy(sql`rowid`);
  });
  const results = (await readTogether(db, reads as unknown as [Statement, ...Statement[]])) as unknown as Record<string, unknown>[][];
  const tables = Object.fromEntries(archiveKeys.map((key, i) => [key, results[i]!])) as Record<ArchiveKey, Record<string, unknown>[]>;
  return tables.elections.length ? tables : null;
}

/**
 * The statements that replay the tables, in order, bulk inserts cut to D1's 100 bound
 * parameters; and what a person should be told about them.
 */
export async function replayStatements(db: Db, tables: Record<ArchiveKey, Record<string, unknown>[]>): Promise<{ statements: Statement[]; notes: string[] }> {
  const statements: Statement[] = [];
  const notes: string[] = [];
  for (const key of archiveKeys) {
    const spec: ArchiveTable = archiveTables[key];
    if (spec.replay === null) continue;
    const replayed = spec.replay ? await spec.replay(db, tables[key]) : { rows: tables[key], notes: [] };
    notes.push(...replayed.notes);
    const width = Object.keys(getTableColumns(spec.table)).length;
    for (const chunk of chunkRows(replayed.rows, width)) statements.push(db.insert(spec.table).values(chunk as never));
  }
  return { statements, notes };
}

/** Which of these ids are already taken here, for a replay to name before it writes. */
export async function takenIds(db: Db, ids: { elections: string[]; contests: string[]; candidates: string[] }) {
  const among = async <T extends typeof elections.id | typeof contests.id | typeof candidates.id>(column: T, wanted: string[]) => {
    const found: string[] = [];
    for (const chunk of chunksOf(wanted, idsPerRead)) {
      const rows = await db.select({ id: column }).from(column.table).where(inArray(column, chunk));
      found.push(...rows.map((r) => r.id));
    }
    return found;
  };
  return {
    elections: await among(elections.id, ids.elections),
    contests: await among(contests.id, ids.contests),
    candidates: await among(candidates.id, ids.candidates),
  };
}
