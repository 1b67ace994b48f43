import { openSqlite } from '../../db/sqlite';
import { authSuite } from './auth.suite';
import { plainHttpSuite } from './plainHttp.suite';

authSuite('better-sqlite3', async () => openSqlite(':memory:').db);
plainHttpSuite('better-sqlite3', async () => openSqlite(':memory:').db);
