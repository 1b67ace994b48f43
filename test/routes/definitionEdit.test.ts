import { openSqlite } from '../../db/sqlite';
import { definitionEditSuite } from './definitionEdit.suite';

definitionEditSuite('better-sqlite3', async () => openSqlite(':memory:').db);
