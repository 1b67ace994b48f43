// Newsroom subscribers: who gets every declaration, correction and update from the count
// pushed to them, and their
// deliveries. Each subscriber is its own outbox channel (`subscriber:<id>`), so the
// dispatcher claims, retries, pauses and fails its rows as it does a social channel's,
// independently of every other channel (README "Push to subscribers").
import { and, asc, eq, getTableColumns, inArray, is, like, SQL, sql } from 'drizzle-orm';
import { auditStatement, type Actor } from './audit';
import { commitAtomically, type Db, type Statement } from './client';
import { outbox, socialChannels, subscribers } from './schema';

export type SubscriberRow = typeof subscribers.$inferSelect;
/** What pages may show: everything but the secret. */
export type SubscriberListing = Omit<SubscriberRow, 'secret'>;

export const subscriberChannelPrefix = 'subscriber:';

/** The outbox channel of a subscriber's deliveries. */
export function subscriberChannel(id: string): `subscriber:${string}` {
  return `${subscriberChannelPrefix}${id}`;
}

export const isSubscriberChannel = (channel: string) => channel.startsWith(subscriberChannelPrefix);

/** What a delivery is about: a declaration version, or a version of an update from the count. */
export type OutboxEvent = { contestId: string; version: number } | { updateId: string; version: number };

/**
 * One delivery per subscriber of this version, as a statement to commit with the declaration
 * or update itself (db/declarations.ts, db/countUpdates.ts), so nothing is published without
 * its deliveries queued. The subscribers are read inside that same write: one added after it
 * gets nothing from before (no back catalogue: the public JSON has the night so far), one
 * removed before it gets nothing. Paused subscribers get their row; it waits for them.
 */
export function queueForSubscribers(db: Db, event: OutboxEvent, now: string): Statement {
  return db.insert(outbox).select((qb) =>
    qb
      .select(
        outboxRowOf({
          // A random delivery id, made by SQLite as the SELECT makes each row.
          id: sql`lower(hex(randomblob(16)))`,
          ...('updateId' in event ? { updateId: sql`${event.updateId}` } : { contestId: sql`${event.contestId}` }),
          version: sql`${event.version}`,
          channel: sql`${subscriberChannelPrefix} || ${subscribers.id}`,
          nextAttemptAt: sql`${now}`,
          updatedAt: sql`${now}`,
        }),
      )
      .from(subscribers),
  );
}

/**
 * Every outbox column, in order, for an INSERT ... SELECT (drizzle names them all): the
 * values given, the others their defaults as a plain insert would have them.
 */
function outboxRowOf(values: Partial<Record<keyof typeof outbox.$inferInsert, SQL>>) {
  const columns = Object.entries(getTableColumns(outbox)).map(([key, column]) => {
    const given = values[key as keyof typeof values];
    const value = given ?? (is(column.default, SQL) ? column.default : column.default === undefined ? sql`NULL` : sql`${sql.param(column.default, column)}`);
    return [key, value.as(key)];
  });
  return Object.fromEntries(columns) as { [K in keyof typeof outbox.$inferInsert]-?: SQL.Aliased };
}

const listed = {
  id: subscribers.id,
  name: subscribers.name,
  url: subscribers.url,
  paused: subscribers.paused,
  createdAt: subscribers.createdAt,
  createdBy: subscribers.createdBy,
};

export async function listSubscribers(db: Db): Promise<SubscriberListing[]> {
  return db.select(listed).from(subscribers).orderBy(asc(subscribers.createdAt), asc(subscribers.name));
}

export async function findSubscriber(db: Db, id: string): Promise<SubscriberListing | null> {
  const [row] = await db.select(listed).from(subscribers).where(eq(subscribers.id, id));
  return row ?? null;
}

/** The subscribers to deliver to now, with the secrets that sign their deliveries. */
export async function activeSubscribers(db: Db): Promise<SubscriberRow[]> {
  return db.select().from(subscribers).where(eq(subscribers.paused, false));
}

export type AddResult = { ok: true; subscriber: SubscriberListing } | { ok: false; problem: 'address-taken' };

export async function addSubscriber(db: Db, fields: { name: string; url: string; secret: string }, actor: Actor): Promise<AddResult> {
  const taken = async () => (await db.select({ id: subscribers.id }).from(subscribers).where(eq(subscribers.url, fields.url))).length > 0;
  if (await taken()) return { ok: false, problem: 'address-taken' };
  const id = crypto.randomUUID();
  try {
    await commitAtomically(db, [
      db.insert(subscribers).values({ id, ...fields, createdBy: actor.userId ?? null }),
      // Never the secret: the audit log is read by people.
      auditStatement(db, actor, { action: 'subscriber.add', entity: 'subscriber', entityId: id, detail: { name: fields.name, url: fields.url } }),
    ]);
  } catch (error) {
    // The same form sent twice at once: the address's unique index let one through.
    if (await taken()) return { ok: false, problem: 'address-taken' };
    throw error;
  }
  return { ok: true, subscriber: (await findSubscriber(db, id))! };
}

/** Pauses or resumes; false when there is no such subscriber. */
export async function setSubscriberPaused(db: Db, id: string, paused: boolean, actor: Actor): Promise<boolean> {
  if (!(await findSubscriber(db, id))) return false;
  await commitAtomically(db, [
    db.update(subscribers).set({ paused }).where(eq(subscribers.id, id)),
    auditStatement(db, actor, { action: paused ? 'subscriber.pause' : 'subscriber.resume', entity: 'subscriber', entityId: id, detail: {} }),
  ]);
  return true;
}

/**
 * Removes a subscriber, its secret with it. Its deliveries not yet made are cancelled in the
 * same write, so nothing more goes to it; those made stay in the outbox as history.
 */
export async function removeSubscriber(db: Db, id: string, actor: Actor): Promise<SubscriberListing | null> {
  const found = await findSubscriber(db, id);
  if (!found) return null;
  const now = new Date().toISOString();
  await commitAtomically(db, [
    db.delete(subscribers).where(eq(subscribers.id, id)),
    // A rate-limit wait it was under (kept per channel) goes with it.
    db.delete(socialChannels).where(eq(socialChannels.channel, subscriberChannel(id))),
    db
      .update(outbox)
      .set({ status: 'cancelled', note: 'Not sent: the subscriber was removed.', claimedBy: null, claimedUntil: null, updatedAt: now })
      .where(and(eq(outbox.channel, subscriberChannel(id)), inArray(outbox.status, ['pending', 'held', 'sending', 'failed']))),
    auditStatement(db, actor, { action: 'subscriber.remove', entity: 'subscriber', entityId: id, detail: { name: found.name, url: found.url } }, now),
  ]);
  return found;
}

export interface DeliveryCounts {
  queued: number;
  sent: number;
  failed: number;
  /** When the last delivery was made (ISO time), or null. */
  lastSentAt: string | null;
}

/** Each subscriber's deliveries in numbers, by subscriber id. */
export async function deliveryCounts(db: Db): Promise<Map<string, DeliveryCounts>> {
  const rows = await db
    .select({ channel: outbox.channel, status: outbox.status, count: sql<number>`count(*)`, last: sql<string | null>`max(${outbox.updatedAt})` })
    .from(outbox)
    .where(like(outbox.channel, `${subscriberChannelPrefix}%`))
    .groupBy(outbox.channel, outbox.status);
  const counts = new Map<string, DeliveryCounts>();
  for (const row of rows) {
    const id = row.channel.slice(subscriberChannelPrefix.length);
    const c = counts.get(id) ?? { queued: 0, sent: 0, failed: 0, lastSentAt: null };
    if (row.status === 'pending' || row.status === 'sending' || row.status === 'held') c.queued += row.count;
    if (row.status === 'failed') c.failed += row.count;
    if (row.status === 'posted') {
      c.sent += row.count;
      c.lastSentAt = row.last;
    }
    counts.set(id, c);
  }
  return counts;
}
