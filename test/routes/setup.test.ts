import { openSqlite } from '../../db/sqlite';
import { setupSuite } from './setup.suite';

setupSuite('better-sqlite3', async () => openSqlite(':memory:').db);
