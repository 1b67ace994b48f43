import { openSqlite } from '../../db/sqlite';
import { subscribersSuite } from './subscribers.suite';

subscribersSuite('better-sqlite3', async () => openSqlite(':memory:').db);
