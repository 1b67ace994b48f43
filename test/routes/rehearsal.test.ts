import { openSqlite } from '../../db/sqlite';
import { rehearsalSuite } from './rehearsal.suite';

rehearsalSuite('better-sqlite3', async () => openSqlite(':memory:').db);
