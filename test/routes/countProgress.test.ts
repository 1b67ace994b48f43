import { openSqlite } from '../../db/sqlite';
import { countProgressSuite } from './countProgress.suite';

countProgressSuite('better-sqlite3', async () => openSqlite(':memory:').db);
