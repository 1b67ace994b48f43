import { openSqlite } from '../../db/sqlite';
import { accountsSuite } from './accounts.suite';

accountsSuite('better-sqlite3', async () => openSqlite(':memory:').db);
