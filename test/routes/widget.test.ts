import { openSqlite } from '../../db/sqlite';
import { widgetSuite } from './widget.suite';

widgetSuite('better-sqlite3', async () => openSqlite(':memory:').db);
