import { openSqlite } from '../../db/sqlite';
import { resultsPagesSuite } from './results.suite';

resultsPagesSuite('better-sqlite3', async () => openSqlite(':memory:').db);
