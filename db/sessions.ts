// Server-side login sessions.
import { and, eq, gt } from 'drizzle-orm';
import { auditStatement, type Actor } from './audit';
import { commitAtomically, type Db } from './client';
import { sessions, users } from './schema';
import { forgetUserDevices } from './knownDevices';
import { revokeTokensStatement, type UserRow } from './users';

export interface SessionWithUser {
  tokenHash: string;
  csrfToken: string;
  expiresAt: string;
  user: UserRow;
}

/** A new session after a sign-in, with its audit entry, in one write. */
export async function createSession(
  db: Db,
  s: { tokenHash: string; userId: string; csrfToken: string; expiresAt: string },
  actor: Actor,
  detail: { newDevice: boolean },
) {
  await commitAtomically(db, [
    db.insert(sessions).values(s),
    auditStatement(db, { ...actor, userId: s.userId }, { action: 'user.signin', entity: 'user', entityId: s.userId, detail }),
  ]);
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

/** Signing out: the session ends, with its audit entry, in one write. */
export async function deleteSession(db: Db, tokenHash: string, userId: string, actor: Actor) {
  await commitAtomically(db, [
    db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)),
    auditStatement(db, actor, { action: 'user.signout', entity: 'user', entityId: userId, detail: {} }),
  ]);
}

/**
 * "Sign out everywhere" (a lost phone, a leaver): ends every session of a user, revokes their
 * API tokens and forgets their known devices, with its audit entry, in one write.
 */
export async function endUserSessions(db: Db, userId: string, actor: Actor) {
  await commitAtomically(db, [
    db.delete(sessions).where(eq(sessions.userId, userId)),
    revokeTokensStatement(db, userId, { all: true }),
    forgetUserDevices(db, userId),
    auditStatement(db, actor, { action: 'user.sessions.end', entity: 'user', entityId: userId, detail: { apiTokensRevoked: true } }),
  ]);
}
