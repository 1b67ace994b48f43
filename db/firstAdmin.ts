// The first admin of a fresh deployment, made from the browser with the setup secret
// (src/routes/setup.tsx). Once any admin exists this can never make another: the check and
// the insert are one statement, so two people racing through /setup cannot both win.
import { eq, sql } from 'drizzle-orm';
import { auditStatementIf, type Actor } from './audit';
import { commitAtomically, type Db } from './client';
import { users } from './schema';
import { findUserById, type UserRow } from './users';

const noAdminYet = sql`NOT EXISTS (SELECT 1 FROM ${users} WHERE ${users.role} = 'admin')`;

/** Whether an admin exists: /setup is closed for good from then on. */
export async function hasAdmin(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
  return !!row;
}

/**
 * Creates the first admin, with its audit entry, in one write; null when an admin already
 * existed (or a user has that name), and then nothing was written.
 */
export async function createFirstAdmin(db: Db, admin: { name: string; passwordHash: string }, actor: Actor): Promise<UserRow | null> {
  const id = crypto.randomUUID();
  const at = new Date().toISOString();
  await commitAtomically(db, [
    db.insert(users).select(
      sql`SELECT ${id}, ${admin.name}, 'admin', ${admin.passwordHash}, 0, ${at}
          WHERE ${noAdminYet} AND NOT EXISTS (SELECT 1 FROM ${users} WHERE ${users.name} = ${admin.name})`,
    ),
    // Written only if the user above was: the audit never records a setup that did not happen.
    auditStatementIf(
      db,
      { ...actor, userId: id },
      { action: 'user.create', entity: 'user', entityId: id, detail: { name: admin.name, role: 'admin', via: 'setup' } },
      sql`EXISTS (SELECT 1 FROM ${users} WHERE ${users.id} = ${id})`,
      at,
    ),
  ]);
  const created = await findUserById(db, id);
  return created && created.role === 'admin' ? created : null;
}
