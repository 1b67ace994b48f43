// The social outbox: one row per (declaration version, channel) or (update version, channel).
// The dispatcher claims a
// row with one conditional UPDATE ... RETURNING (atomic on both drivers, so two
// dispatchers never hold the same row), sends it, and records the outcome only while it
// still holds the claim. See README "How exactly-once works".
import { and, asc, desc, eq, inArray, like, lt, notLike, sql } from 'drizzle-orm';
import { auditStatementIf, type Actor } from './audit';
import { commitAtomically, type Db } from './client';
import { contests, countUpdates, outbox, socialChannels } from './schema';
import { subscriberChannelPrefix } from './subscribers';

export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxStatus = OutboxRow['status'];

/** Who holds a claim, for how long: the claim must outlast one request with its timeout. */
export interface Claimer {
  id: string;
  claimMs: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Claims the next row of `channel` that may be sent now, or null. In one statement:
 * - due: pending and its retry time has come, or claimed by a dispatcher that stopped
 *   (its claim ran out while sending: the row comes back marked uncertain);
 * - one sender per channel: no other row of the channel is being sent under a live claim,
 *   so rate limits and the order of posts hold across dispatchers;
 * - the channel is not paused nor waiting for a rate-limit reset, and a held channel's
 *   rows have been approved; a subscriber's channel is not paused;
 * - a correction (of a result or of an update from the count) waits until the post it
 *   follows is settled.
 */
export async function claimNext(db: Db, channel: string, claimer: Claimer, nowMs: number): Promise<OutboxRow | null> {
  const now = iso(nowMs);
  const [row] = await db
    .update(outbox)
    .set({
      status: 'sending',
      claimedBy: claimer.id,
      claimedUntil: iso(nowMs + claimer.claimMs),
      attempts: sql`${outbox.attempts} + 1`,
      uncertain: sql`CASE WHEN ${outbox.status} = 'sending' THEN 1 ELSE ${outbox.uncertain} END`,
      firstAttemptAt: sql`COALESCE(${outbox.firstAttemptAt}, ${now})`,
      updatedAt: now,
    })
    .where(
      sql`${outbox.id} = (
        SELECT o.id FROM outbox o
        WHERE o.channel = ${channel}
          AND ((o.status = 'pending' AND o.next_attempt_at <= ${now})
            OR (o.status = 'sending' AND o.claimed_until < ${now}))
          AND NOT EXISTS (SELECT 1 FROM outbox s
            WHERE s.channel = o.channel AND s.status = 'sending' AND s.claimed_until >= ${now})
          AND NOT EXISTS (SELECT 1 FROM social_channels c
            WHERE c.channel = o.channel
              AND (c.paused = 1 OR c.blocked_until > ${now}
                OR (c.hold_for_approval = 1 AND o.status = 'pending' AND o.approved_at IS NULL)))
          AND NOT EXISTS (SELECT 1 FROM subscribers b
            WHERE o.channel = ${subscriberChannelPrefix} || b.id AND b.paused = 1)
          AND NOT EXISTS (SELECT 1 FROM outbox p
            WHERE p.channel = o.channel AND (p.contest_id = o.contest_id OR p.update_id = o.update_id) AND p.version < o.version
              AND p.status IN ('pending', 'held', 'sending'))
        ORDER BY o.created_at, o.contest_id, o.version
        LIMIT 1)`,
    )
    .returning();
  return row ?? null;
}

/** The conditions under which a dispatcher may still write a row's outcome. */
function stillClaimed(id: string, claimer: Claimer) {
  return and(eq(outbox.id, id), eq(outbox.status, 'sending'), eq(outbox.claimedBy, claimer.id));
}

const released = { claimedBy: null, claimedUntil: null } as const;

/** Freezes the words on the first attempt; later attempts send exactly these. */
export async function freezeBody(db: Db, id: string, claimer: Claimer, body: string, link: string): Promise<void> {
  await db.update(outbox).set({ body, link }).where(and(stillClaimed(id, claimer), sql`${outbox.body} IS NULL`));
}

/** Returns false when the claim was lost meanwhile (another dispatcher took the row over). */
export async function markPosted(
  db: Db,
  id: string,
  claimer: Claimer,
  remote: { id: string; url: string | null; meta?: Record<string, string> | null } | null,
  note: string | null,
  nowMs: number,
): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({
      status: 'posted',
      remoteId: remote?.id ?? null,
      remoteUrl: remote?.url ?? null,
      remoteMeta: remote?.meta ?? null,
      note,
      lastError: null,
      ...released,
      updatedAt: iso(nowMs),
    })
    .where(stillClaimed(id, claimer))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

export interface RetryPlan {
  error: string;
  nextAttemptMs: number;
  maybeSent: boolean;
  /** A rate-limit wait is not a failed attempt: it does not count towards giving up. */
  refundAttempt: boolean;
}

export async function markRetry(db: Db, id: string, claimer: Claimer, plan: RetryPlan, nowMs: number): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({
      status: 'pending',
      nextAttemptAt: iso(plan.nextAttemptMs),
      lastError: plan.error,
      uncertain: plan.maybeSent ? true : sql`${outbox.uncertain}`,
      attempts: plan.refundAttempt ? sql`${outbox.attempts} - 1` : sql`${outbox.attempts}`,
      ...released,
      updatedAt: iso(nowMs),
    })
    .where(stillClaimed(id, claimer))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/** Gives up: shown to admins, who can send it again. */
export async function markFailed(db: Db, id: string, claimer: Claimer, error: string, maybeSent: boolean, nowMs: number): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: 'failed', lastError: error, uncertain: maybeSent ? true : sql`${outbox.uncertain}`, ...released, updatedAt: iso(nowMs) })
    .where(stillClaimed(id, claimer))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/** Not posted, and never will be: superseded by a newer version before it went out. */
export async function markCancelled(db: Db, id: string, claimer: Claimer, note: string, nowMs: number): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: 'cancelled', note, ...released, updatedAt: iso(nowMs) })
    .where(stillClaimed(id, claimer))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/** Puts pending, unapproved rows of channels on hold into "held", so people see them waiting. */
export async function holdUnapproved(db: Db, nowMs: number): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'held', updatedAt: iso(nowMs) })
    .where(
      and(
        eq(outbox.status, 'pending'),
        sql`${outbox.approvedAt} IS NULL`,
        inArray(outbox.channel, db.select({ channel: socialChannels.channel }).from(socialChannels).where(eq(socialChannels.holdForApproval, true))),
      ),
    );
}

type Subject = Pick<OutboxRow, 'contestId' | 'updateId' | 'channel'>;

/** The rows of the same ward's declarations, or of the same update, on the same channel. */
function sameSubject(row: Subject) {
  return and(row.updateId !== null ? eq(outbox.updateId, row.updateId) : eq(outbox.contestId, row.contestId!), eq(outbox.channel, row.channel));
}

/** The latest earlier version of this ward (or update) posted on this channel: what a correction replies to. */
export async function postedBefore(db: Db, row: Subject & Pick<OutboxRow, 'version'>): Promise<OutboxRow | null> {
  const [found] = await db
    .select()
    .from(outbox)
    .where(and(sameSubject(row), lt(outbox.version, row.version), eq(outbox.status, 'posted')))
    .orderBy(desc(outbox.version))
    .limit(1);
  return found ?? null;
}

/** The newest version queued for this ward (or update) and channel. */
export async function newestVersionQueued(db: Db, row: Subject): Promise<number> {
  const [found] = await db
    .select({ version: sql<number>`max(${outbox.version})` })
    .from(outbox)
    .where(sameSubject(row));
  return found?.version ?? 0;
}

// Reading, for people.

export interface OutboxEntry extends OutboxRow {
  /** What the post is about: the ward, or "Update from the count". */
  contestName: string;
  electionId: string;
}

const withContest = {
  row: outbox,
  contestName: sql<string>`coalesce(${contests.name}, 'Update from the count')`,
  electionId: sql<string>`coalesce(${contests.electionId}, ${countUpdates.electionId})`,
};

/** The outbox with what each row is about: its ward, or its update's election. */
function outboxWithSubject(db: Db) {
  return db
    .select(withContest)
    .from(outbox)
    .leftJoin(contests, eq(contests.id, outbox.contestId))
    .leftJoin(countUpdates, and(eq(countUpdates.id, outbox.updateId), eq(countUpdates.version, outbox.version)));
}
const toEntry = (r: { row: OutboxRow; contestName: string; electionId: string }): OutboxEntry => ({
  ...r.row,
  contestName: r.contestName,
  electionId: r.electionId,
});

// The social channels' posts and the subscribers' deliveries are shown on screens of their
// own: a newsroom's receiver being down is no news to the officer at the count.
const socialPosts = notLike(outbox.channel, `${subscriberChannelPrefix}%`);
const subscriberDeliveries = like(outbox.channel, `${subscriberChannelPrefix}%`);

/** The outbox for admins, newest first, optionally one status: social posts, or subscribers' deliveries. */
export async function listOutbox(db: Db, filter: { status?: OutboxStatus; limit?: number; of?: 'social' | 'subscribers' } = {}): Promise<OutboxEntry[]> {
  const rows = await outboxWithSubject(db)
    .where(and(filter.of === 'subscribers' ? subscriberDeliveries : socialPosts, filter.status ? eq(outbox.status, filter.status) : undefined))
    .orderBy(desc(outbox.createdAt), asc(outbox.contestId), desc(outbox.version), asc(outbox.channel))
    .limit(filter.limit ?? 200);
  return rows.map(toEntry);
}

/** Every social post of one ward, by version then channel: what the officer sees. */
export async function outboxForContest(db: Db, contestId: string): Promise<OutboxEntry[]> {
  const rows = await outboxWithSubject(db)
    .where(and(eq(outbox.contestId, contestId), socialPosts))
    .orderBy(desc(outbox.version), asc(outbox.channel));
  return rows.map(toEntry);
}

export async function findOutboxRow(db: Db, id: string): Promise<OutboxEntry | null> {
  const [row] = await outboxWithSubject(db).where(eq(outbox.id, id));
  return row ? toEntry(row) : null;
}

/** How many rows each channel has in each status. */
export async function outboxCounts(db: Db): Promise<{ channel: string; status: OutboxStatus; count: number }[]> {
  return db
    .select({ channel: outbox.channel, status: outbox.status, count: sql<number>`count(*)` })
    .from(outbox)
    .groupBy(outbox.channel, outbox.status);
}

/** A channel's queue for the status page: what waits, since when, and how posting has gone. */
export interface ChannelQueue {
  channel: string;
  /** Posts not yet out: queued, being sent, or held for approval. */
  waiting: number;
  held: number;
  /** When the oldest of those was queued (ISO), or null when none waits. */
  oldestWaitingSince: string | null;
  /** When the channel last posted (ISO), or null. */
  lastPostedAt: string | null;
  failed: number;
}

export async function outboxQueues(db: Db): Promise<ChannelQueue[]> {
  const waiting = sql`${outbox.status} IN ('pending', 'sending', 'held')`;
  return db
    .select({
      channel: outbox.channel,
      waiting: sql<number>`SUM(CASE WHEN ${waiting} THEN 1 ELSE 0 END)`,
      held: sql<number>`SUM(CASE WHEN ${outbox.status} = 'held' THEN 1 ELSE 0 END)`,
      oldestWaitingSince: sql<string | null>`MIN(CASE WHEN ${waiting} THEN ${outbox.createdAt} END)`,
      lastPostedAt: sql<string | null>`MAX(CASE WHEN ${outbox.status} = 'posted' THEN ${outbox.updatedAt} END)`,
      failed: sql<number>`SUM(CASE WHEN ${outbox.status} = 'failed' THEN 1 ELSE 0 END)`,
    })
    .from(outbox)
    .groupBy(outbox.channel)
    .orderBy(outbox.channel);
}

// Admin actions. Each is a conditional update with its audit entry in one write; the
// condition makes a double click or a stale page harmless.

type AdminAction = 'retry' | 'approve' | 'cancel';

const fromStatus: Record<AdminAction, OutboxStatus[]> = { retry: ['failed'], approve: ['held'], cancel: ['held', 'pending', 'failed'] };

export async function actOnOutboxRow(db: Db, id: string, action: AdminAction, actor: Actor, nowMs = Date.now()): Promise<OutboxRow | null> {
  const now = iso(nowMs);
  const change =
    action === 'cancel'
      ? { status: 'cancelled' as const, note: 'Not posted: an admin cancelled it.' }
      : action === 'approve'
        ? { status: 'pending' as const, approvedBy: actor.userId ?? null, approvedAt: now, nextAttemptAt: now }
        : // A failed row gets a fresh set of attempts; if it may have been sent, it stays
          // uncertain, so the next attempt checks before sending.
          { status: 'pending' as const, attempts: 0, nextAttemptAt: now, approvedBy: actor.userId ?? null, approvedAt: now };
  await commitAtomically(db, [
    db
      .update(outbox)
      .set({ ...change, updatedAt: now })
      .where(and(eq(outbox.id, id), inArray(outbox.status, fromStatus[action]))),
    // Recorded only if the update above changed the row (it alone sets this status at this
    // instant): a second click on a stale page is no second retry in the log.
    auditStatementIf(
      db,
      actor,
      { action: `social.${action}`, entity: 'outbox', entityId: id, detail: {} },
      sql`EXISTS (SELECT 1 FROM ${outbox} WHERE ${outbox.id} = ${id} AND ${outbox.status} = ${change.status} AND ${outbox.updatedAt} = ${now})`,
      now,
    ),
  ]);
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row ?? null;
}
