import { openSqlite } from '../../db/sqlite';
import { dbSuite } from './suite';

// A fresh in-memory database per test, migrated with the real migrations.
dbSuite('better-sqlite3', async () => openSqlite(':memory:').db);
