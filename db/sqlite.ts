// The Node driver: an embedded SQLite file through better-sqlite3, migrated on open.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Logger } from 'drizzle-orm/logger';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db } from './client';
import * as schema from './schema';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface SqliteHandle {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

/** The better-sqlite3 connection under a database openSqlite opened (drizzle's `$client`). */
export function sqliteConnectionOf(db: Db): Database.Database {
  const client = (db as { $client?: unknown }).$client;
  if (!(client instanceof Database)) throw new Error('This database is not a better-sqlite3 one.');
  return client;
}

/** Opens (creating if needed) the database at `path`, or in memory for ':memory:'. */
export function openSqlite(path: string, options: { logger?: Logger } = {}): SqliteHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // WAL lets readers run while a declaration is written; synchronous=FULL because WAL's
  // default (NORMAL) can lose the last commits on power loss, and a confirmed
  // declaration must survive a crash.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Migrated before the logger is attached: the logger records the caller's writes only.
  migrate(drizzle(sqlite, { schema }), { migrationsFolder });
  const db = drizzle(sqlite, { schema, logger: options.logger });
  return { db, sqlite, close: () => sqlite.close() };
}
