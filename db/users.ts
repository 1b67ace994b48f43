// Logins and API tokens. Secrets arrive here already hashed (src/auth/).
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from './audit';
import { auditStatement } from './audit';
import { commitAtomically, type Db, type Statement } from './client';
import { apiTokens, sessions, users, userRoles } from './schema';

export type Role = (typeof userRoles)[number];
export type UserRow = typeof users.$inferSelect;

export class DuplicateUserError extends Error {}

export async function findUserByName(db: Db, name: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.name, name));
  return row ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function createUser(
  db: Db,
  user: { name: string; role: Role; passwordHash: string },
  actor: Actor = {},
): Promise<UserRow> {
  if (await findUserByName(db, user.name)) throw new DuplicateUserError(`There is already a user called ${user.name}.`);
  const row = { id: crypto.randomUUID(), ...user, disabled: false };
  await commitAtomically(db, [
    db.insert(users).values(row),
    auditStatement(db, actor, { action: 'user.create', entity: 'user', entityId: row.id, detail: { name: user.name, role: user.role } }),
  ]);
  return (await findUserById(db, row.id))!;
}

export async function addApiToken(db: Db, userId: string, name: string, tokenHash: string, actor: Actor = {}) {
  await commitAtomically(db, [
    db.insert(apiTokens).values({ tokenHash, userId, name }),
    auditStatement(db, actor, { action: 'token.create', entity: 'user', entityId: userId, detail: { name } }),
  ]);
}

/** How stale a token's last use may get before a request writes it again: one write a minute at most. */
export const tokenUseResolutionMs = 60_000;

/**
 * Notes that a token was used now, unless that was noted within the last minute (`lastUsedAt`,
 * as read with the token): a busy count script does not turn every request into a write.
 */
export async function noteTokenUse(db: Db, tokenHash: string, lastUsedAt: string | null, nowMs = Date.now()) {
  if (lastUsedAt !== null && Date.parse(lastUsedAt) > nowMs - tokenUseResolutionMs) return;
  await db.update(apiTokens).set({ lastUsedAt: new Date(nowMs).toISOString() }).where(eq(apiTokens.tokenHash, tokenHash));
}

/** A new password set by an admin: the user's sessions end (their API tokens stay), audited. */
export async function resetPassword(db: Db, userId: string, passwordHash: string, actor: Actor) {
  await commitAtomically(db, [
    db.update(users).set({ passwordHash }).where(eq(users.id, userId)),
    db.delete(sessions).where(eq(sessions.userId, userId)),
    auditStatement(db, actor, { action: 'user.password.reset', entity: 'user', entityId: userId, detail: {} }),
  ]);
}

/** The user an unrevoked API token belongs to, if that user is not disabled. */
export async function userForApiToken(db: Db, tokenHash: string): Promise<UserRow | null> {
  return (await apiTokenHolder(db, tokenHash))?.user ?? null;
}

/** The same, with when the token was last used. */
export async function apiTokenHolder(db: Db, tokenHash: string): Promise<{ user: UserRow; lastUsedAt: string | null } | null> {
  const [row] = await db
    .select({ user: users, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), eq(users.disabled, false)));
  return row ?? null;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).orderBy(users.name);
}

export interface ApiTokenListing {
  tokenHash: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Every API token still in force, oldest first, for the admin's screen. */
export async function listLiveApiTokens(db: Db): Promise<ApiTokenListing[]> {
  return db
    .select({ tokenHash: apiTokens.tokenHash, userId: apiTokens.userId, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(isNull(apiTokens.revokedAt))
    .orderBy(apiTokens.createdAt);
}

/** Which of a user's live tokens: all of them, those with a name, or the one with a hash. */
export type TokenChoice = { all: true } | { name: string } | { tokenHash: string };

function liveTokensOf(userId: string, choice: TokenChoice) {
  return and(
    eq(apiTokens.userId, userId),
    isNull(apiTokens.revokedAt),
    'name' in choice ? eq(apiTokens.name, choice.name) : 'tokenHash' in choice ? eq(apiTokens.tokenHash, choice.tokenHash) : undefined,
  );
}

/**
 * Revokes the chosen live tokens of a user, with one audit entry naming them; the names of
 * those revoked (none: nothing matched, nothing written). Revoked tokens stay in the table,
 * marked, so the audit log's names still mean something.
 */
export async function revokeApiTokens(db: Db, userId: string, choice: TokenChoice, actor: Actor, at = new Date().toISOString()): Promise<string[]> {
  const chosen = await db.select({ name: apiTokens.name }).from(apiTokens).where(liveTokensOf(userId, choice));
  if (chosen.length === 0) return [];
  await commitAtomically(db, [
    revokeTokensStatement(db, userId, choice, at),
    auditStatement(db, actor, { action: 'token.revoke', entity: 'user', entityId: userId, detail: { names: chosen.map((t) => t.name) } }, at),
  ]);
  return chosen.map((t) => t.name);
}

export function revokeTokensStatement(db: Db, userId: string, choice: TokenChoice, at = new Date().toISOString()): Statement {
  return db.update(apiTokens).set({ revokedAt: at }).where(liveTokensOf(userId, choice));
}

/**
 * Disables or re-enables a login, audited. A disabled user's sessions and API tokens are
 * refused from the next request (findSession and userForApiToken check); disabling also ends
 * the sessions, so enabling again never revives one. API tokens are kept, and work again once
 * the user is enabled: revoke them as well if they may be in the wrong hands.
 */
export async function setUserDisabled(db: Db, userId: string, disabled: boolean, actor: Actor) {
  await commitAtomically(db, [
    db.update(users).set({ disabled }).where(eq(users.id, userId)),
    ...(disabled ? [db.delete(sessions).where(eq(sessions.userId, userId))] : []),
    auditStatement(db, actor, { action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: userId, detail: {} }),
  ]);
}

/** One of a user's tokens, revoked or not, by its hash. */
export async function findApiToken(db: Db, userId: string, tokenHash: string) {
  const [row] = await db.select().from(apiTokens).where(and(eq(apiTokens.userId, userId), eq(apiTokens.tokenHash, tokenHash)));
  return row ?? null;
}
