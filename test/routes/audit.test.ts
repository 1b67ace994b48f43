import { openSqlite } from '../../db/sqlite';
import { auditSuite } from './audit.suite';

auditSuite('better-sqlite3', async () => openSqlite(':memory:').db);
