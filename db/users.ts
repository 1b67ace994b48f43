// Logins and API tokens. Secrets arrive here already hashed (src/auth/).
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from './audit';
import { auditStatement } from './audit';
import { commitAtomically, type Db } from './client';
import { apiTokens, users, userRoles } from './schema';

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
