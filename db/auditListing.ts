// Reading the audit log for Admin → Audit: newest first, a page at a time, filtered by ward
// and by person, each entry with the names it refers to (who did it, the account it was
// done to, the ward, the post's channel) as they are now.
import { and, asc, count, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias, type SQLiteSelect } from 'drizzle-orm/sqlite-core';
import { chunksOf, idsPerRead, type Db } from './client';
import { auditLog, candidates, contests, elections, outbox, users } from './schema';

export interface AuditFilter {
  /** Entries about this ward: its declarations and statuses, and actions on its posts. */
  contestId?: string;
  /** Entries this user made, or made to their account. */
  userId?: string;
}

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditListing extends AuditRow {
  /** The name of whoever made the change; null from the command line (no user). */
  actorName: string | null;
  /** The account an entry about a user was about. */
  subjectName: string | null;
  /** The ward, for entries about a ward or one of its posts. */
  contestId: string | null;
  contestName: string | null;
  /** The election, for an import. */
  electionName: string | null;
  /** For actions on a post: its channel and the declaration version it posts. */
  postChannel: string | null;
  postVersion: number | null;
}

const actor = alias(users, 'actor');
const subject = alias(users, 'subject');
// A post's ward is its outbox row's; a declaration's or a status's, the entry's own entity.
const wardOf = sql`CASE ${auditLog.entity} WHEN 'contest' THEN ${auditLog.entityId} WHEN 'outbox' THEN ${outbox.contestId} END`;

/** The names an entry refers to, joined on; entries whose ward or post is gone keep theirs null. */
function withNames<T extends SQLiteSelect>(query: T) {
  return query
    .leftJoin(actor, eq(actor.id, auditLog.userId))
    .leftJoin(subject, and(eq(auditLog.entity, 'user'), eq(subject.id, auditLog.entityId)))
    .leftJoin(outbox, and(eq(auditLog.entity, 'outbox'), eq(outbox.id, auditLog.entityId)))
    .leftJoin(contests, eq(contests.id, wardOf))
    .leftJoin(elections, and(eq(auditLog.entity, 'election'), eq(elections.id, auditLog.entityId)));
}

/**
 * The filter on the log's own columns, no join needed: a ward's entries are found through
 * the (entity, entity_id) index, its posts' through their ids. So counting needs no joins.
 */
function matching(db: Db, filter: AuditFilter): SQL | undefined {
  const { contestId, userId } = filter;
  return and(
    contestId === undefined
      ? undefined
      : or(
          and(eq(auditLog.entity, 'contest'), eq(auditLog.entityId, contestId)),
          and(eq(auditLog.entity, 'outbox'), inArray(auditLog.entityId, db.select({ id: outbox.id }).from(outbox).where(eq(outbox.contestId, contestId)))),
        ),
    userId === undefined ? undefined : or(eq(auditLog.userId, userId), and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, userId))),
  );
}

/**
 * One page, newest first. Paged by id (keyset: `before` is the last id of the page before),
 * not by offset: entries keep arriving at the top during the night, and an offset would
 * then show some entries twice as people page down.
 */
export async function auditEntries(db: Db, filter: AuditFilter, page: { before?: number; limit: number }): Promise<AuditListing[]> {
  const query = db
    .select({
      entry: auditLog,
      actorName: actor.name,
      subjectName: subject.name,
      contestId: contests.id,
      contestName: contests.name,
      electionName: elections.name,
      postChannel: outbox.channel,
      postVersion: outbox.version,
    })
    .from(auditLog)
    .$dynamic();
  // The page's ids first, then the names for those alone: joining before the limit would
  // name every entry of a ward only to sort them and keep fifty.
  const pageIds = db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(matching(db, filter), page.before === undefined ? undefined : lt(auditLog.id, page.before)))
    .orderBy(desc(auditLog.id))
    .limit(page.limit);
  const rows = await withNames(query).where(inArray(auditLog.id, pageIds)).orderBy(desc(auditLog.id));
  return (rows as ({ entry: AuditRow } & Omit<AuditListing, keyof AuditRow>)[]).map(({ entry, ...names }) => ({ ...entry, ...names }));
}

export async function countAuditEntries(db: Db, filter: AuditFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditLog).where(matching(db, filter));
  return row?.n ?? 0;
}

/** Every ward, with its election's name, for the filter: the latest election first. */
export async function auditWards(db: Db): Promise<{ id: string; name: string; electionName: string }[]> {
  return db
    .select({ id: contests.id, name: contests.name, electionName: elections.name })
    .from(contests)
    .innerJoin(elections, eq(elections.id, contests.electionId))
    .orderBy(desc(elections.date), asc(elections.id), asc(contests.position));
}

export async function wardExists(db: Db, contestId: string): Promise<boolean> {
  const [row] = await db.select({ id: contests.id }).from(contests).where(eq(contests.id, contestId));
  return !!row;
}

/** The candidates of these wards, for naming who a declaration elected. */
export async function candidatesOf(db: Db, contestIds: string[]) {
  const ids = [...new Set(contestIds)];
  const rows = [];
  for (const chunk of chunksOf(ids, idsPerRead)) {
    rows.push(
      ...(await db
        .select({ id: candidates.id, surname: candidates.surname, otherNames: candidates.otherNames, knownAs: candidates.knownAs })
        .from(candidates)
        .where(inArray(candidates.contestId, chunk))),
    );
  }
  return rows;
}
