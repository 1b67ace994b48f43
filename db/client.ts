// The database as the rest of the code sees it: one type for both drivers.
// better-sqlite3 answers synchronously and D1 asynchronously; code always awaits, which
// works for both.
import type { BatchItem } from 'drizzle-orm/batch';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema';

export type Schema = typeof schema;
export type Db = BaseSQLiteDatabase<'sync' | 'async', unknown, Schema>;
export type Statement = BatchItem<'sqlite'>;

interface Batching {
  batch(statements: readonly [Statement, ...Statement[]]): Promise<unknown[]>;
}

function canBatch(db: Db): db is Db & Batching {
  return typeof (db as Partial<Batching>).batch === 'function';
}

/**
 * Runs statements as one all-or-nothing write. D1 refuses interactive transactions, and
 * better-sqlite3 refuses an async transaction body, so every statement is built first and
 * then committed at once: a D1 batch, or a synchronous better-sqlite3 transaction.
 * Either rolls back fully if any statement fails (for example a primary-key clash with a
 * racing writer), so callers can rely on constraints instead of locks.
 */
export async function commitAtomically(db: Db, statements: Statement[]): Promise<void> {
  const [first, ...rest] = statements;
  if (!first) return;
  if (canBatch(db)) {
    await db.batch([first, ...rest]);
    return;
  }
  db.transaction(() => {
    for (const statement of statements) (statement as unknown as { run(): unknown }).run();
  });
}

/**
 * As commitAtomically, for statements that each end in `.returning()`: what each one
 * returned, in order. A statement whose WHERE refused it returns no rows, so callers can
 * check and write in one all-or-nothing step.
 */
export async function commitReturning(db: Db, statements: Statement[]): Promise<unknown[][]> {
  const [first, ...rest] = statements;
  if (!first) return [];
  if (canBatch(db)) return (await db.batch([first, ...rest])) as unknown[][];
  return db.transaction(() => statements.map((statement) => (statement as unknown as { all(): unknown[] }).all()));
}

/**
 * The most statements one commitAtomically may hold. D1 allows 1,000 queries per Worker
 * invocation (Workers Paid plan), so a batch is kept well within that, with room for the
 * request's reads; a better-sqlite3 transaction has no such limit. A write that would need
 * more must be refused, not split: split, it would no longer be all or nothing.
 */
export function atomicWriteLimit(db: Db): number {
  return canBatch(db) ? 900 : Infinity;
}

/** Ids in one `inArray` read: D1 binds at most 100 values to a statement, leaving room for a few more. */
export const idsPerRead = 90;

/** `items` in lists of at most `size`, in order. */
export function chunksOf<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** D1 allows at most 100 bound parameters per statement: split bulk inserts to fit. */
export function chunkRows<T extends object>(rows: T[], columnsPerRow: number): T[][] {
  return chunksOf(rows, Math.max(1, Math.floor(100 / columnsPerRow)));
}

/**
 * Runs several reads as one round trip where the driver allows it (a D1 batch is one
 * request to the database), and as plain awaits on better-sqlite3.
 */
export async function readTogether<T extends readonly [Statement, ...Statement[]]>(db: Db, queries: T): Promise<ResultsOf<T>> {
  if (canBatch(db)) return (await db.batch(queries)) as ResultsOf<T>;
  return (await Promise.all(queries)) as ResultsOf<T>;
}

/** What a list of queries reads, query by query. */
export type ResultsOf<T extends readonly unknown[]> = { [K in keyof T]: Awaited<T[K]> };
