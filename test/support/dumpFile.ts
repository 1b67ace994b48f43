// Every row of a SQLite database file (Node only): what "nothing changed" compares for the
// command line, which works on DB_PATH rather than on a database handed to it.
import { openSqlite } from '../../db/sqlite';
import { dumpDatabase } from './harness';

export async function dumpDatabaseFile(path: string) {
  const handle = openSqlite(path);
  try {
    return await dumpDatabase(handle.db);
  } finally {
    handle.close();
  }
}
