// Updates from the count: short texts published on the night, each a chain of versions. A
// correction or a withdrawal adds the next version; nothing is edited or deleted, so the
// page, the feeds and the social posts can always say what changed. Everything a version
// causes (the row, the election's change stamp, a post queued per social channel and a
// delivery per newsroom subscriber, the audit entry, the stored answer of an idempotent
// request) commits in one atomic write.
import { and, asc, eq, ne } from 'drizzle-orm';
import { auditStatement, type Actor } from './audit';
import { commitAtomically, type Db, type Statement } from './client';
import { storedAnswerStatement, type StoredAnswer } from './storedAnswers';
import { countUpdates, elections, outbox } from './schema';
import { queueForSubscribers } from './subscribers';

export type CountUpdateRow = typeof countUpdates.$inferSelect;

/** One update with every version, oldest first: the last is the update as it stands. */
export interface CountUpdate {
  id: string;
  electionId: string;
  contestId: string | null;
  versions: CountUpdateRow[];
}

/** A version about to be written: the first (version 1), a correction or a withdrawal. */
export interface NewUpdateVersion {
  id: string;
  version: number;
  electionId: string;
  contestId: string | null;
  text: string;
  withdrawn: boolean;
}

const auditAction = (u: NewUpdateVersion) => (u.withdrawn ? 'update.withdraw' : u.version === 1 ? 'update.post' : 'update.correct');

/**
 * The statements that publish one version, for a caller that commits them with more (a
 * status change that posts its own update): a post queued on each of `channels`, a delivery
 * to each subscriber. `now` is the version's time and the election's new change stamp.
 */
/** Where a version is posted: social channels, and whether newsroom subscribers get it (not in a rehearsal). */
export interface UpdateQueue {
  channels: string[];
  toSubscribers: boolean;
}

export function updateVersionStatements(db: Db, u: NewUpdateVersion, actor: Actor, queue: UpdateQueue, now: string): Statement[] {
  const { channels } = queue;
  return [
    db.insert(countUpdates).values({ ...u, userId: actor.userId ?? null, createdAt: now }),
    db.update(elections).set({ updatedAt: now }).where(eq(elections.id, u.electionId)),
    ...(channels.length
      ? [
          db.insert(outbox).values(
            channels.map((channel) => ({ id: crypto.randomUUID(), updateId: u.id, version: u.version, channel, nextAttemptAt: now, updatedAt: now })),
          ),
        ]
      : []),
    ...(queue.toSubscribers ? [queueForSubscribers(db, { updateId: u.id, version: u.version }, now)] : []),
    auditStatement(
      db,
      actor,
      { action: auditAction(u), entity: 'count_update', entityId: u.id, detail: { version: u.version, contestId: u.contestId, text: u.text } },
      now,
    ),
  ];
}

/**
 * Publishes a version. Two writers racing for the same version both build their statements,
 * and the (id, version) primary key lets exactly one commit: the other fails whole.
 */
export async function recordUpdateVersion(
  db: Db,
  u: NewUpdateVersion,
  actor: Actor,
  queue: UpdateQueue,
  answer: StoredAnswer | null = null,
  now = new Date().toISOString(),
): Promise<string> {
  const statements = updateVersionStatements(db, u, actor, queue, now);
  if (answer) statements.push(storedAnswerStatement(db, answer));
  await commitAtomically(db, statements);
  return now;
}

/** Rows of several updates, in the order read, gathered into updates (versions oldest first). */
export function gatherUpdates(rows: CountUpdateRow[]): CountUpdate[] {
  const byId = new Map<string, CountUpdate>();
  for (const row of rows) {
    const update = byId.get(row.id) ?? { id: row.id, electionId: row.electionId, contestId: row.contestId, versions: [] };
    update.versions.push(row);
    byId.set(row.id, update);
  }
  for (const update of byId.values()) update.versions.sort((a, b) => a.version - b.version);
  return [...byId.values()];
}

/** Every version of every update of an election, as the snapshot reads them (db/results.ts). */
export function electionUpdatesQuery(db: Db, electionId: string) {
  return db
    .select()
    .from(countUpdates)
    .where(eq(countUpdates.electionId, electionId))
    .orderBy(asc(countUpdates.createdAt), asc(countUpdates.id), asc(countUpdates.version));
}

/** One update of an election with all its versions, or null. */
export async function findUpdate(db: Db, electionId: string, id: string): Promise<CountUpdate | null> {
  const rows = await db
    .select()
    .from(countUpdates)
    .where(and(eq(countUpdates.electionId, electionId), eq(countUpdates.id, id)))
    .orderBy(asc(countUpdates.version));
  return gatherUpdates(rows)[0] ?? null;
}

/** Whether this version of the update has been written (by us or by a racing writer). */
export async function updateVersionExists(db: Db, id: string, version: number): Promise<boolean> {
  const rows = await db
    .select({ id: countUpdates.id })
    .from(countUpdates)
    .where(and(eq(countUpdates.id, id), eq(countUpdates.version, version)));
  return rows.length > 0;
}

/**
 * The social channels that had a version of this update queued (and not cancelled): a
 * correction or withdrawal follows them up there, even where updates have since been
 * switched off, so nobody is left with words that no longer stand.
 */
export async function channelsOfUpdate(db: Db, updateId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ channel: outbox.channel })
    .from(outbox)
    .where(and(eq(outbox.updateId, updateId), ne(outbox.status, 'cancelled')));
  return rows.map((r) => r.channel);
}

/** One update with all its versions, by id alone (the dispatcher has only the outbox row), or null. */
export async function findUpdateById(db: Db, id: string): Promise<CountUpdate | null> {
  const rows = await db.select().from(countUpdates).where(eq(countUpdates.id, id)).orderBy(asc(countUpdates.version));
  return gatherUpdates(rows)[0] ?? null;
}

/** Whether a ward's status change also posts an update from the count; audited. */
export async function setAutomaticStatusUpdates(db: Db, electionId: string, on: boolean, actor: Actor): Promise<void> {
  await commitAtomically(db, [
    db.update(elections).set({ autoStatusUpdates: on }).where(eq(elections.id, electionId)),
    auditStatement(db, actor, { action: 'election.auto_status_updates', entity: 'election', entityId: electionId, detail: { on } }),
  ]);
}

/** Whether the election has any update from the count (a rehearsal with one is not empty). */
export async function hasUpdates(db: Db, electionId: string): Promise<boolean> {
  const rows = await db.select({ id: countUpdates.id }).from(countUpdates).where(eq(countUpdates.electionId, electionId)).limit(1);
  return rows.length > 0;
}
