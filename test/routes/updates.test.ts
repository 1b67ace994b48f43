import { openSqlite } from '../../db/sqlite';
import { updatesRouteSuite } from './updates.suite';

updatesRouteSuite('better-sqlite3', async () => openSqlite(':memory:').db);
