import { openSqlite } from '../../db/sqlite';
import { officerFormSuite } from './officer.suite';

officerFormSuite('better-sqlite3', async () => openSqlite(':memory:').db);
