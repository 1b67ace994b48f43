import { openSqlite } from '../../db/sqlite';
import { countUpdatesDbSuite } from './countUpdates.suite';

countUpdatesDbSuite('better-sqlite3', async () => openSqlite(':memory:').db);
