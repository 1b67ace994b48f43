import { openSqlite } from '../../db/sqlite';
import { publicApiSuite } from './api.suite';

publicApiSuite('better-sqlite3', async () => openSqlite(':memory:').db);
