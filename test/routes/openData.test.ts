import { openSqlite } from '../../db/sqlite';
import { openDataSuite } from './openData.suite';

openDataSuite('better-sqlite3', async () => openSqlite(':memory:').db);
