// Whether the database answers at all: one trivial read, on either driver.
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
