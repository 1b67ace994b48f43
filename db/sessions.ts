// Server-side login sessions and the per-account login throttle.
import { and, count, eq, gt, lt } from 'drizzle-orm';
import { auditStatement, type Actor } from './audit';
import { commitAtomically, type Db } from './client';
import { loginAttempts, sessions, users } from './schema';
import type { UserRow } from './users';

export interface SessionWithUser {
  tokenHash: string;
  csrfToken: string;
  expiresAt: string;
  user: UserRow;
}

export async function createSession(db: Db, s: { tokenHash: string; userId: string; csrfToken: string; expiresAt: string }) {
  await db.insert(sessions).values(s);
}

/** The live session for a token hash; expired sessions and disabled users get nothing. */
export async function findSession(db: Db, tokenHash: string, now = new Date().toISOString()): Promise<SessionWithUser | null> {
  const [row] = await db
    .select({ tokenHash: sessions.tokenHash, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.disabled, false)));
  return row ?? null;
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user, with its audit entry, in one write. */
export async function endUserSessions(db: Db, userId: string, actor: Actor) {
  await commitAtomically(db, [
    db.delete(sessions).where(eq(sessions.userId, userId)),
    auditStatement(db, actor, { action: 'user.sessions.end', entity: 'user', entityId: userId, detail: {} }),
  ]);
}

export async function recordLoginAttempt(db: Db, userName: string, succeeded: boolean, at = new Date().toISOString()) {
  await db.insert(loginAttempts).values({ userName, succeeded, at });
}

/** Failed logins for an account since `since`: the throttle counts per account, not per IP. */
export async function failedLoginsSince(db: Db, userName: string, since: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.userName, userName), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  return row?.n ?? 0;
}

/** Forgets attempts older than the throttle window, so the table stays small. */
export async function pruneLoginAttempts(db: Db, before: string) {
  await db.delete(loginAttempts).where(lt(loginAttempts.at, before));
}
