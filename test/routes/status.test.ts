import { openSqlite } from '../../db/sqlite';
import { statusSuite } from './status.suite';

statusSuite('better-sqlite3', async () => openSqlite(':memory:').db);
