// The audit log: who changed what, when, from which request. Entries are built as
// statements so they commit in the same atomic write as the change they describe.
import { desc, eq, and, sql, type SQL } from 'drizzle-orm';
import type { Db, Statement } from './client';
import { auditLog } from './schema';

/** Where a change came from; the CLI has no request, so every field may be missing. */
export interface Actor {
  userId?: string | null;
  requestId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

export interface AuditEntry {
  action: string;
  entity: string;
  /** An id; or a subquery that must find it, making the entry a guard (db/pendingDeclarations.ts). */
  entityId: string | SQL<string>;
  detail: Record<string, unknown>;
}

export function auditStatement(db: Db, actor: Actor, entry: AuditEntry, at = new Date().toISOString()): Statement {
  return db.insert(auditLog).values({
    at,
    userId: actor.userId ?? null,
    requestId: actor.requestId ?? null,
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
    ...entry,
  });
}

/**
 * The entry, written only if `happened` holds when it runs: placed after a conditional change
 * in the same atomic write, the log never records a change that did not happen (a double
 * click, a stale page, a race lost).
 */
export function auditStatementIf(db: Db, actor: Actor, entry: AuditEntry, happened: SQL, at = new Date().toISOString()): Statement {
  // The columns in the table's order (db/schema.ts), the id left to SQLite.
  return db.insert(auditLog).select(
    sql`SELECT NULL, ${at}, ${actor.userId ?? null}, ${entry.action}, ${entry.entity}, ${entry.entityId}, ${JSON.stringify(entry.detail)},
        ${actor.requestId ?? null}, ${actor.ip ?? null}, ${actor.userAgent ?? null}
        WHERE ${happened}`,
  );
}

export async function auditTrail(db: Db, entity: string, entityId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id));
}
