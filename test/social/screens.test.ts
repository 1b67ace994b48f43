import { openSqlite } from '../../db/sqlite';
import { socialScreensSuite } from './screens.suite';

socialScreensSuite('better-sqlite3', async () => openSqlite(':memory:').db);
