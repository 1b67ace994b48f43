import { openSqlite } from '../../db/sqlite';
import { limitsSuite } from './limits.suite';

limitsSuite('better-sqlite3', async () => openSqlite(':memory:').db);
