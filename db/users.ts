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

/** The user an unrevoked API token belongs to, if that user is not disabled. */
export async function userForApiToken(db: Db, tokenHash: string): Promise<UserRow | null> {
  const [row] = await db
    .select({ user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), eq(users.disabled, false)));
  return row?.user ?? null;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).orderBy(users.name);
}

export interface ApiTokenListing {
  tokenHash: string;
  userId: string;
  name: string;
  createdAt: string;
}

/** Every API token still in force, oldest first, for the admin's screen. */
export async function listLiveApiTokens(db: Db): Promise<ApiTokenListing[]> {
  return db
    .select({ tokenHash: apiTokens.tokenHash, userId: apiTokens.userId, name: apiTokens.name, createdAt: apiTokens.createdAt })
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
