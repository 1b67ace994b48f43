// The one read every public page request makes: the election's change stamp (updatedAt).
// It runs on every request, so it is a prepared statement, built once per database handle
// (once per process on Node, where building the query and compiling its SQL each time
// cost ten times the read itself; per request on Workers, where the handle is).
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { elections } from '../../db/schema';

const prepare = (db: Db) =>
  db
    .select({ updatedAt: elections.updatedAt })
    .from(elections)
    .where(eq(elections.id, sql.placeholder('electionId')))
    .prepare();

const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();

/** The election's updatedAt, or null when there is no such election. */
export async function electionChangeStamp(db: Db, electionId: string): Promise<string | null> {
  let query = prepared.get(db);
  if (!query) {
    query = prepare(db);
    prepared.set(db, query);
  }
  const row = (await query.get({ electionId })) as { updatedAt: string } | undefined;
  return row?.updatedAt ?? null;
}
