import { openSqlite } from '../../db/sqlite';
import { fuzzSuite } from './fuzz.suite';

fuzzSuite('better-sqlite3', async () => openSqlite(':memory:').db, 2000);
