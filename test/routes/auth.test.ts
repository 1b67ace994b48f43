import { openSqlite } from '../../db/sqlite';
import { authSuite } from './auth.suite';

authSuite('better-sqlite3', async () => openSqlite(':memory:').db);
