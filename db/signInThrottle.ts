// The sign-in throttle's counters (the rule itself is in src/auth/signInThrottle.ts).
// An attempt is reserved before its password is checked, counted as a failure in the same
// atomic write that checks the counters: however many guesses arrive at once, no more are
// let through than the rule allows. A successful sign-in then deletes the counters it used.
import { and, eq, lt, not, sql, type SQL } from 'drizzle-orm';
import { auditStatement, type Actor } from './audit';
import { commitAtomically, commitReturning, type Db } from './client';
import { signInThrottle, type throttleScopes } from './schema';

export type ThrottleScope = (typeof throttleScopes)[number];

/** Free failures, then a delay that doubles from `firstDelayMs` up to `maxDelayMs`. */
export interface DelayRule {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** A counter whose last failure is older than this starts again from one. */
  forgetAfterMs: number;
}

export interface ThrottleCounter {
  userName: string;
  scope: ThrottleScope;
  /** The source address, the device cookie's hash, or '' for the whole account. */
  subject: string;
  rule: DelayRule;
}

export type Reservation = { granted: true } | { granted: false; retryAt: number };

const t = signInThrottle;

function keyOf(c: ThrottleCounter, table: 'sign_in_throttle' | 'other'): SQL {
  const col = (name: string) => sql.raw(`${table}.${name}`);
  return sql`(${col('user_name')} = ${c.userName} and ${col('scope')} = ${c.scope} and ${col('subject')} = ${c.subject})`;
}

/** True while a counter's row makes an attempt wait (computed by the database, at `now`). */
function waiting(rule: DelayRule, now: number, table: 'sign_in_throttle' | 'other'): SQL {
  const failures = sql.raw(`${table}.failures`);
  const last = sql.raw(`${table}.last_failure_at`);
  return sql`(${failures} >= ${rule.freeFailures} and ${last} + min(${rule.maxDelayMs}, ${rule.firstDelayMs} << min(${failures} - ${rule.freeFailures}, 30)) > ${now})`;
}

/** When a counter lets the next attempt through; the same arithmetic as `waiting`. */
export function releasedAt(rule: DelayRule, row: { failures: number; lastFailureAt: number }): number {
  if (row.failures < rule.freeFailures) return 0;
  return row.lastFailureAt + Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** Math.min(row.failures - rule.freeFailures, 30));
}

/**
 * Reserves one attempt on every counter, or on none if any of them says wait. Each counter
 * is updated only if it is not waiting, every later counter is not waiting either, and every
 * earlier one was just reserved by this attempt (its `attempt` column): so within the one
 * atomic write, all are reserved or none is, and a refused attempt counts nowhere.
 */
export async function reserveSignInAttempt(db: Db, counters: ThrottleCounter[], now = Date.now()): Promise<Reservation> {
  const attempt = crypto.randomUUID();
  const ensureRows = counters.map((c) =>
    db
      .insert(t)
      .values({ userName: c.userName, scope: c.scope, subject: c.subject, failures: 0, lastFailureAt: 0, attempt: '' })
      .onConflictDoNothing()
      .returning({ failures: t.failures }),
  );
  const reserve = counters.map((c, i) => {
    const earlierReserved = counters.slice(0, i).map((e) => sql`exists (select 1 from sign_in_throttle as other where ${keyOf(e, 'other')} and other.attempt = ${attempt})`);
    const laterFree = counters.slice(i + 1).map((l) => sql`not exists (select 1 from sign_in_throttle as other where ${keyOf(l, 'other')} and ${waiting(l.rule, now, 'other')})`);
    return db
      .update(t)
      .set({
        failures: sql`case when ${t.lastFailureAt} <= ${now - c.rule.forgetAfterMs} then 1 else ${t.failures} + 1 end`,
        lastFailureAt: now,
        attempt,
      })
      .where(and(keyOf(c, 'sign_in_throttle'), not(waiting(c.rule, now, 'sign_in_throttle')), ...earlierReserved, ...laterFree))
      .returning({ failures: t.failures });
  });
  const results = await commitReturning(db, [...ensureRows, ...reserve]);
  if (results.slice(counters.length).every((rows) => rows.length === 1)) return { granted: true };
  return { granted: false, retryAt: await retryAt(db, counters, now) };
}

/** The latest moment any of these counters makes an attempt wait until. */
async function retryAt(db: Db, counters: ThrottleCounter[], now: number): Promise<number> {
  let latest = now;
  for (const c of counters) {
    const [row] = await db.select().from(t).where(keyOf(c, 'sign_in_throttle'));
    if (row) latest = Math.max(latest, releasedAt(c.rule, row));
  }
  return latest;
}

/** After a successful sign-in: its counters start again, and long-quiet counters go. */
export async function clearSignInCounters(db: Db, counters: ThrottleCounter[], forgetBefore: number) {
  await commitAtomically(db, [
    ...counters.map((c) => db.delete(t).where(keyOf(c, 'sign_in_throttle'))),
    db.delete(t).where(lt(t.lastFailureAt, forgetBefore)),
  ]);
}

/** An admin's unlock: every counter of the account goes, with its audit entry. */
export async function unlockSignIn(db: Db, user: { id: string; name: string }, actor: Actor) {
  await commitAtomically(db, [
    db.delete(t).where(eq(t.userName, user.name)),
    auditStatement(db, actor, { action: 'user.unlock', entity: 'user', entityId: user.id, detail: { name: user.name } }),
  ]);
}
