// The server's database file at start-up (Node). When DB_PATH cannot be used, one line
// that names it and says what is wrong, instead of a stack trace from deep in SQLite.
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import type { Db } from '../db/client';
import { openSqlite, type SqliteHandle } from '../db/sqlite';
import { databasePath, loadsDemo } from './config';
import { loadDemoIfEmpty } from './demo';

export class DatabasePathError extends Error {}

const statOf = (path: string): Stats | null => {
  try {
    return statSync(path);
  } catch {
    return null;
  }
};

const writable = (path: string) => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/** What SQLite's error means for the file, in the operator's words; null if not about the file. */
function whatIsWrong(error: unknown): string | null {
  const code = String((error as { code?: unknown })?.code ?? '');
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return 'is not a SQLite database (corrupt or another kind of file)';
  if (code.startsWith('SQLITE_READONLY')) return 'cannot be written (read-only)';
  if (code.startsWith('SQLITE_CANTOPEN') || ['ENOTDIR', 'EACCES', 'EPERM', 'EEXIST'].includes(code)) {
    return `cannot be opened or created (${(error as Error).message})`;
  }
  return null;
}

/**
 * Opens (creating if need be) and migrates the database at `path`, reads all of it once
 * (so a truncated file is found now, not in the middle of the night), then runs `prepare`
 * (the demo's first write). Throws DatabasePathError, saying what is wrong, when the file
 * cannot be used; anything else is a bug, thrown as it is.
 */
export async function openDatabaseFile<T>(path: string, prepare: (db: Db) => Promise<T>): Promise<SqliteHandle & { prepared: T }> {
  const refuse = (what: string) => new DatabasePathError(`DB_PATH ${path} ${what}`);
  const stat = statOf(path);
  if (stat?.isDirectory()) throw refuse('is a directory, not a database file');
  // SQLite opens a file it cannot write read-only, and says so only at the first write.
  if (stat && !writable(path)) throw refuse('cannot be written (read-only)');
  let handle: SqliteHandle | undefined;
  try {
    handle = openSqlite(path);
    const check = handle.sqlite.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw refuse('is not a SQLite database (corrupt or another kind of file)');
    return { ...handle, prepared: await prepare(handle.db) };
  } catch (error) {
    handle?.close();
    if (error instanceof DatabasePathError) throw error;
    const wrong = whatIsWrong(error);
    throw wrong ? refuse(wrong) : error;
  }
}

/**
 * The server's database (DB_PATH) opened as `npm start` opens it: with the demo election in
 * an empty file unless DEMO=off, and a file that cannot be used said in one line, then exit.
 */
export async function openServerDatabase(): Promise<SqliteHandle & { prepared: string | null; path: string }> {
  const path = databasePath();
  const opened = await openDatabaseFile(path, loadsDemo() ? loadDemoIfEmpty : async () => null).catch((error: unknown) => {
    if (!(error instanceof DatabasePathError)) throw error;
    console.error(error.message);
    process.exit(1);
  });
  return { ...opened, path };
}
