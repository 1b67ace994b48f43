import { openSqlite } from '../../db/sqlite';
import { outboxSuite } from './outbox.suite';

outboxSuite('better-sqlite3', async () => openSqlite(':memory:').db);
