import { openSqlite } from '../../db/sqlite';
import { feedsSuite } from './feeds.suite';

feedsSuite('better-sqlite3', async () => openSqlite(':memory:').db);
