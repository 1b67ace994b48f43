import { openSqlite } from '../../db/sqlite';
import { currentElectionSuite } from './currentElection.suite';

currentElectionSuite('better-sqlite3', async () => openSqlite(':memory:').db);
