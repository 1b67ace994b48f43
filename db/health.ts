// How the database is: whether it answers at all, and how large it is, on either driver.
import { sql } from 'drizzle-orm';
import type { Db } from './client';

export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await db.get(sql`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}

/**
 * The database's size in bytes, or null when it cannot be told. D1 refuses PRAGMAs such as
 * page_count, but reports the size with every query's result (`meta.size_after`); SQLite
 * on Node answers page_count × page_size (the file, less its write-ahead log).
 */
export async function databaseSize(db: Db): Promise<number | null> {
  try {
    const ran = (await db.run(sql`SELECT 1`)) as { meta?: { size_after?: unknown } } | undefined;
    if (typeof ran?.meta?.size_after === 'number') return ran.meta.size_after;
    const row = await db.get<{ size: unknown }>(sql`SELECT page_count * page_size AS size FROM pragma_page_count(), pragma_page_size()`);
    return typeof row?.size === 'number' ? row.size : null;
  } catch {
    return null;
  }
}
