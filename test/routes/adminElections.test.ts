import { openSqlite } from '../../db/sqlite';
import { adminElectionsSuite } from './adminElections.suite';

adminElectionsSuite('better-sqlite3', async () => openSqlite(':memory:').db);
